import type { Playbook } from '../compile-playbook.js'
import type { Assessment, Charter, HandoffZone } from '../types.js'
import type { SeatGap, SeatTitle, StructureId } from '../vocabulary.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'
import { passageText } from '../quote-passages.js'

export const BRIEFS_SCHEMA_ID = 'tandem/briefs@1'

export interface CharterDuty {
  readonly id: string
  readonly label: string
}

export interface Quote {
  /** The article's words, verbatim: a contiguous part of the passage. */
  readonly quote: string
  /** The whole passage it is taken from. */
  readonly passage: string
}

export interface SeatBrief {
  readonly title: SeatTitle
  readonly engagement: 'full-time' | 'fractional'
  readonly daysPerWeek: number
  readonly why: readonly string[]
  /** `search`: someone to find; `development`: today's holder keeps the seat and closes a gap;
   * `kept`: today's holder keeps the seat as it is. */
  readonly kind: 'search' | 'development' | 'kept'
  /** Today's holder (their name, else their title today); null for a search. */
  readonly holder: string | null
  readonly accountable: readonly CharterDuty[]
  readonly responsible: readonly CharterDuty[]
  readonly lens: Quote
  readonly mustHaves: readonly (Quote & { readonly means: string })[]
  readonly evidence: readonly string[]
  readonly questions: readonly string[]
  readonly handoffZones: readonly { readonly label: string; readonly brings: string }[]
  readonly scorecard: readonly { readonly criterion: string; readonly lookFor: string }[]
  /** What a kept holder lacks, what closes it and in how many months. */
  readonly gaps: readonly {
    readonly id: SeatGap
    readonly closes: string
    readonly months: number
  }[]
  /** Months a search takes to fill the seat; null when there is no search. */
  readonly leadTimeMonths: number | null
}

export interface SeatBriefs {
  readonly schema: typeof BRIEFS_SCHEMA_ID
  readonly organization: string
  readonly playbook: { readonly id: string; readonly version: string }
  readonly structure: StructureId
  readonly label: string
  /** Says the days, lead times and questions are the playbook's assumptions, not the article's. */
  readonly note: string
  readonly briefs: readonly SeatBrief[]
}

/**
 * A brief for every seat of the recommended structure: a search brief for a seat to fill, or a
 * development brief for a seat today's holder keeps with a gap. Null when the playbook has no
 * `hiring:` block. Pure: built from the assessment and the playbook alone.
 */
export function buildBriefs(assessment: Assessment, playbook: Playbook): SeatBriefs | null {
  const hiring = playbook.hiring
  const sizing = assessment.sizing
  if (!hiring || !sizing) return null
  const { recommendation, profile } = assessment
  const current = profile.current?.seats ?? []
  const briefs = recommendation.seats.map((seat, index): SeatBrief => {
    const template = hiring.briefs[seat.title]
    const sized = sizing.seats[index]
    const assignment = recommendation.change.assignments.find(
      (a) => a.title === seat.title && a.engagement === seat.engagement,
    )
    const held = assignment && assignment.holder !== 'new' ? assignment.holder.current : null
    const holderSeat = held === null ? undefined : current[held]
    const gaps = assignment?.gaps ?? []
    const kind = holderSeat ? (gaps.length > 0 ? 'development' : 'kept') : 'search'
    const quote = (q: { passage: string; quote: string }): Quote => ({
      quote: q.quote,
      passage: passageText(playbook.doc, q.passage) ?? q.quote,
    })
    return {
      title: seat.title,
      engagement: seat.engagement,
      daysPerWeek: sized?.daysPerWeek ?? hiring.fullTimeDaysPerWeek,
      why: sized?.why ?? [],
      kind,
      holder: holderSeat ? (holderSeat.name ?? `today’s ${holderSeat.title}`) : null,
      ...duties(assessment.charter, seat.title),
      lens: quote(template.lens),
      mustHaves: template.mustHaves.map((m) => ({ ...quote(m), means: m.means })),
      evidence: template.evidence,
      questions: [
        ...template.questions,
        ...handoffQuestions(assessment.cadence.handoffZones, seat.title),
      ],
      handoffZones: assessment.cadence.handoffZones.map((zone) => ({
        label: zone.label,
        brings: bringsTo(zone, seat.title),
      })),
      scorecard: template.scorecard,
      gaps:
        kind === 'development'
          ? gaps.map((id) => ({
              id,
              closes: playbook.doc.seating.gaps[id],
              months: hiring.gapMonths[id],
            }))
          : [],
      leadTimeMonths: kind === 'search' ? leadTime(hiring, seat) : null,
    }
  })
  return {
    schema: BRIEFS_SCHEMA_ID,
    organization: profile.name,
    playbook: assessment.playbook,
    structure: recommendation.structure,
    label: recommendation.label,
    note: hiring.note,
    briefs,
  }
}

function duties(charter: Charter, column: string) {
  const accountable: CharterDuty[] = []
  const responsible: CharterDuty[] = []
  for (const row of charter.rows) {
    const cell = row.cells[column] ?? ''
    if (cell === 'A' || cell === 'A/R') accountable.push({ id: row.id, label: row.label })
    if (cell === 'R' || cell === 'A/R') responsible.push({ id: row.id, label: row.label })
  }
  return { accountable, responsible }
}

function bringsTo(zone: HandoffZone, title: SeatTitle): string {
  if (title === 'CTO') return zone.cto
  if (title === 'CAIO') return zone.caio
  return `${zone.cto} ${zone.caio}`
}

function handoffQuestions(zones: readonly HandoffZone[], title: SeatTitle): string[] {
  return zones.map((zone) =>
    title === 'CTO/CAIO'
      ? `${zone.label} is a handoff zone you would hold on both sides. How would you keep both in view?`
      : `${zone.label} is a handoff zone: ${lowerFirst(bringsTo(zone, title))} Tell us about a time you worked it with your ${title === 'CTO' ? 'AI' : 'technology'} counterpart.`,
  )
}

function leadTime(
  hiring: HiringPlaybook,
  seat: { title: SeatTitle; engagement: 'full-time' | 'fractional' },
) {
  return hiring.leadTimeMonths[seat.engagement][seat.title]
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
