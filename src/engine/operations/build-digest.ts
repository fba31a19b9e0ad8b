import type { Playbook } from '../compile-playbook.js'
import type { Initiative, Operations } from './operations-schema.js'
import type { Signal } from './signals.js'
import type { Audience, Lens, MoveKind, Stage } from './vocabulary.js'
import { addDays, dayOf } from './dates.js'
import { decisionStatusOn, operationsAsOf } from './operations-as-of.js'
import { operationsConfig } from './operations-config.js'
import { roiOf } from './roi-of.js'
import { signals } from './signals.js'

export const DIGEST_SCHEMA_ID = 'tandem/digest@1'

export interface DigestOptions {
  /** The last day of the period (the caller's today). */
  readonly until: string
  /** The first day; default 6 days before `until` (a week). */
  readonly since?: string | undefined
  /** `client` (default) leaves out internal initiatives, decisions and notes. */
  readonly audience?: Audience | undefined
}

export interface DigestMove {
  readonly initiative: string
  readonly title: string
  readonly at: string
  readonly from: Stage | null
  readonly to: Stage
  readonly kind: MoveKind
  readonly by: string | null
  readonly reason: string | null
}

export interface DigestReview {
  readonly initiative: string
  readonly title: string
  readonly lens: Lens
  readonly at: string
  readonly by: string
  readonly answers: string
  readonly note: string | null
}

export interface DigestMeasurement {
  readonly initiative: string
  readonly title: string
  readonly at: string
  readonly value: number
  readonly metric: string | null
  readonly unit: string | null
  readonly progress: number | null
  readonly note: string | null
}

export interface DigestDecision {
  readonly id: string
  readonly meeting: string
  readonly date: string
  readonly text: string
  readonly owner: string | null
  readonly due: string | null
  readonly status: 'open' | 'done' | 'dropped'
  readonly initiatives: readonly string[]
}

export interface DigestMeeting {
  readonly id: string
  readonly date: string
  readonly kind: string
  readonly attendees: readonly string[]
  readonly decisions: number
  readonly notes: string | null
}

/** What happened in an organization's register and meetings over a period (operate.md §4). */
export interface Digest {
  readonly schema: typeof DIGEST_SCHEMA_ID
  readonly organization: string
  readonly period: { readonly since: string; readonly until: string }
  readonly audience: Audience
  readonly playbook: { readonly id: string; readonly version: string }
  readonly stageMoves: readonly DigestMove[]
  readonly reviews: readonly DigestReview[]
  readonly measurements: readonly DigestMeasurement[]
  readonly decisionsMade: readonly DigestDecision[]
  /** Open decisions due by the end of the period, overdue ones included. */
  readonly decisionsDue: readonly DigestDecision[]
  readonly meetingsHeld: readonly DigestMeeting[]
  readonly signalsRaised: readonly Signal[]
  readonly signalsCleared: readonly Signal[]
  /** Signals open at the end of the period. */
  readonly signalsOpen: readonly Signal[]
}

/**
 * The digest of one organization over `[since, until]`: stage moves, lens reviews, measurements,
 * decisions made and due, meetings held, and signals raised and cleared (signals at the end of the
 * period against those of the day before it began).
 */
export function buildDigest(
  operations: Operations,
  playbook: Playbook,
  options: DigestOptions,
): Digest {
  const until = options.until
  const since = options.since ?? addDays(until, -6)
  const audience = options.audience ?? 'client'
  const shown = (visibility: 'client' | 'internal') =>
    audience === 'internal' || visibility === 'client'
  const inPeriod = (at: string) => dayOf(at) >= since && dayOf(at) <= until
  const view = operationsAsOf(operations, until)
  const config = operationsConfig(playbook)
  const initiatives = view.initiatives.filter((i) => shown(i.visibility))
  const hiddenIds = new Set(
    operations.initiatives.filter((i) => !shown(i.visibility)).map((i) => i.id),
  )

  const stageMoves: DigestMove[] = []
  const reviews: DigestReview[] = []
  const measurements: DigestMeasurement[] = []
  for (const initiative of initiatives) {
    const base = { initiative: initiative.id, title: initiative.title }
    for (const move of initiative.history) {
      if (!inPeriod(move.at)) continue
      stageMoves.push({
        ...base,
        at: move.at,
        from: move.from,
        to: move.to,
        kind: move.kind,
        by: move.by?.seat ?? null,
        reason: move.reason ?? null,
      })
    }
    reviews.push(...reviewsOf(initiative, inPeriod, shown))
    const roi = roiOf(initiative, until, config.roiWindowDays)
    for (const m of initiative.measurements) {
      if (!inPeriod(m.at)) continue
      measurements.push({
        ...base,
        at: m.at,
        value: m.value,
        metric: roi.metric,
        unit: roi.unit,
        progress:
          roi.baseline !== null && roi.target !== null && roi.target !== roi.baseline
            ? (m.value - roi.baseline) / (roi.target - roi.baseline)
            : null,
        note: m.note !== undefined && shown(m.visibility) ? m.note : null,
      })
    }
  }

  const decisionsMade: DigestDecision[] = []
  const decisionsDue: DigestDecision[] = []
  const meetingsHeld: DigestMeeting[] = []
  for (const meeting of view.meetings) {
    if (meeting.status !== 'held') continue
    const decisions = meeting.decisions.filter(
      (d) => shown(d.visibility) && !d.initiatives.some((id) => hiddenIds.has(id)),
    )
    for (const decision of decisions) {
      const status = decisionStatusOn(decision, until)
      const row: DigestDecision = {
        id: decision.id,
        meeting: meeting.id,
        date: meeting.date,
        text: decision.text,
        owner: decision.owner?.seat ?? null,
        due: decision.due ?? null,
        status,
        initiatives: decision.initiatives,
      }
      if (inPeriod(meeting.date)) decisionsMade.push(row)
      if (status === 'open' && decision.due !== undefined && decision.due <= until)
        decisionsDue.push(row)
    }
    if (!inPeriod(meeting.date)) continue
    meetingsHeld.push({
      id: meeting.id,
      date: meeting.date,
      kind: meeting.kind,
      attendees: meeting.attendees.map((a) => a.seat),
      decisions: decisions.length,
      notes: meeting.notes !== undefined && shown(meeting.notesVisibility) ? meeting.notes : null,
    })
  }
  decisionsDue.sort((a, b) =>
    (a.due ?? '') < (b.due ?? '') ? -1 : (a.due ?? '') > (b.due ?? '') ? 1 : 0,
  )

  const visibleSignal = (s: Signal) =>
    s.subject.kind !== 'initiative' || !hiddenIds.has(s.subject.id ?? '')
  const before = signals(operations, playbook, addDays(since, -1)).signals.filter(visibleSignal)
  const after = signals(operations, playbook, until).signals.filter(visibleSignal)
  const beforeKeys = new Set(before.map((s) => s.key))
  const afterKeys = new Set(after.map((s) => s.key))
  return {
    schema: DIGEST_SCHEMA_ID,
    organization: operations.organization.name,
    period: { since, until },
    audience,
    playbook: { id: playbook.id, version: playbook.version },
    stageMoves: byAt(stageMoves),
    reviews: byAt(reviews),
    measurements: byAt(measurements),
    decisionsMade,
    decisionsDue,
    meetingsHeld,
    signalsRaised: after.filter((s) => !beforeKeys.has(s.key)),
    signalsCleared: before.filter((s) => !afterKeys.has(s.key)),
    signalsOpen: after,
  }
}

function reviewsOf(
  initiative: Initiative,
  inPeriod: (at: string) => boolean,
  shown: (visibility: 'client' | 'internal') => boolean,
): DigestReview[] {
  const base = { initiative: initiative.id, title: initiative.title }
  const out: DigestReview[] = []
  for (const r of initiative.lenses.cto) {
    if (!inPeriod(r.at)) continue
    out.push({
      ...base,
      lens: 'cto',
      at: r.at,
      by: r.by.seat,
      answers: `build ${r.build}, scale ${r.scale}, secure ${r.secure}`,
      note: r.note !== undefined && shown(r.visibility) ? r.note : null,
    })
  }
  for (const r of initiative.lenses.caio) {
    if (!inPeriod(r.at)) continue
    const measure = r.measure
      ? `; metric ${r.measure.metric}${r.measure.baseline !== undefined ? `, baseline ${r.measure.baseline}` : ''}${r.measure.target !== undefined ? `, target ${r.measure.target}` : ''}`
      : ''
    out.push({
      ...base,
      lens: 'caio',
      at: r.at,
      by: r.by.seat,
      answers: `should ${r.should}${measure}`,
      note: r.note !== undefined && shown(r.visibility) ? r.note : null,
    })
  }
  return out
}

function byAt<T extends { readonly at: string; readonly initiative: string }>(rows: T[]): T[] {
  return rows.sort((a, b) =>
    a.at < b.at
      ? -1
      : a.at > b.at
        ? 1
        : a.initiative < b.initiative
          ? -1
          : a.initiative > b.initiative
            ? 1
            : 0,
  )
}
