import type { Digest } from '../engine/operations/build-digest.js'
import type { Signal } from '../engine/operations/signals.js'

// The digest's sections as rows of plain text, shared by the Markdown and HTML renderers so both say
// the same thing in the same order.

/** Links a renderer may attach to initiatives and meetings (for example the web app's pages). */
export interface DigestLinks {
  readonly initiative?: (id: string) => string
  readonly meeting?: (id: string) => string
}

export interface DigestRow {
  readonly text: string
  /** The initiative or meeting the row links to. */
  readonly link?: { readonly kind: 'initiative' | 'meeting'; readonly id: string }
}

export interface DigestSection {
  readonly id: string
  readonly title: string
  readonly empty: string
  readonly rows: readonly DigestRow[]
}

const STAGE_WORD = { move: 'moved', forced: 'forced', imported: 'imported' } as const

/** The digest's sections, in report order. */
export function digestSections(digest: Digest): readonly DigestSection[] {
  return [
    signalSection('signals-raised', 'Signals raised', 'No new signal.', digest.signalsRaised),
    signalSection(
      'signals-cleared',
      'Signals cleared',
      'No signal cleared.',
      digest.signalsCleared,
    ),
    signalSection('signals-open', 'Open signals', 'No open signal.', digest.signalsOpen),
    {
      id: 'stage-moves',
      title: 'Stage moves',
      empty: 'No initiative changed stage.',
      rows: digest.stageMoves.map((m) => ({
        text: `${day(m.at)} · ${m.title}: ${STAGE_WORD[m.kind]} ${m.from ?? 'new'} → ${m.to}${m.by ? ` by the ${m.by}` : ''}${m.reason ? ` (“${m.reason}”)` : ''}`,
        link: { kind: 'initiative', id: m.initiative },
      })),
    },
    {
      id: 'reviews',
      title: 'Lens reviews',
      empty: 'No lens review.',
      rows: digest.reviews.map((r) => ({
        text: `${day(r.at)} · ${r.title}: ${r.lens === 'cto' ? 'CTO' : 'CAIO'} lens by the ${r.by}: ${r.answers}${r.note ? `. ${r.note}` : ''}`,
        link: { kind: 'initiative', id: r.initiative },
      })),
    },
    {
      id: 'measurements',
      title: 'Measurements',
      empty: 'No measurement recorded.',
      rows: digest.measurements.map((m) => ({
        text: `${day(m.at)} · ${m.title}: ${m.metric ?? 'value'} ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.progress === null ? '' : ` (${Math.round(m.progress * 100)} % of the way to target)`}${m.note ? `. ${m.note}` : ''}`,
        link: { kind: 'initiative', id: m.initiative },
      })),
    },
    {
      id: 'decisions-made',
      title: 'Decisions made',
      empty: 'No decision made.',
      rows: digest.decisionsMade.map((d) => ({
        text: `${d.date} · ${d.text} (owner: ${d.owner ?? 'none'}${d.due ? `, due ${d.due}` : ''}; ${d.status})`,
        link: { kind: 'meeting', id: d.meeting },
      })),
    },
    {
      id: 'decisions-due',
      title: 'Decisions due',
      empty: 'No open decision is due.',
      rows: digest.decisionsDue.map((d) => ({
        text: `due ${d.due ?? '?'} · ${d.text} (owner: ${d.owner ?? 'none'}${(d.due ?? '') < digest.period.until ? '; overdue' : ''})`,
        link: { kind: 'meeting', id: d.meeting },
      })),
    },
    {
      id: 'meetings',
      title: 'Meetings held',
      empty: 'No meeting held.',
      rows: digest.meetingsHeld.map((m) => ({
        text: `${m.date} · ${m.kind} with ${m.attendees.length > 0 ? m.attendees.join(', ') : 'no one recorded'}; ${m.decisions} decision${m.decisions === 1 ? '' : 's'}${m.notes ? `. ${m.notes}` : ''}`,
        link: { kind: 'meeting', id: m.id },
      })),
    },
  ]
}

/** A signal in one line: severity, title, acknowledgement and first piece of evidence. */
export function signalLine(signal: Signal): string {
  const ack = signal.acknowledged
    ? ` [acknowledged by ${signal.acknowledged.by} until ${signal.acknowledged.until}: ${signal.acknowledged.reason}]`
    : ''
  const evidence = signal.evidence.map((item) => item.note).join('; ')
  return `${signal.severity === 'critical' ? 'Critical' : 'Warning'}: ${signal.title} (${signal.antiPattern})${ack}. ${evidence}. Remedy: ${signal.remedy}`
}

function signalSection(
  id: string,
  title: string,
  empty: string,
  list: readonly Signal[],
): DigestSection {
  return {
    id,
    title,
    empty,
    rows: list.map((signal) => ({
      text: signalLine(signal),
      ...(signal.subject.kind === 'initiative' && signal.subject.id !== null
        ? { link: { kind: 'initiative' as const, id: signal.subject.id } }
        : {}),
    })),
  }
}

function day(at: string): string {
  return at.slice(0, 10)
}
