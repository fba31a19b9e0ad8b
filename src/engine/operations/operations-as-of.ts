import type { Initiative, Meeting, MeetingDecision, Operations } from './operations-schema.js'
import type { DecisionStatus, MeetingStatus } from './vocabulary.js'

/** A meeting as it stood on a day: its status resolved (a past date without one counts as held). */
export interface MeetingAsOf extends Meeting {
  readonly status: MeetingStatus
}

/** The register as it stood at the end of a day: later records are left out, statuses resolved. */
export interface OperationsAsOf {
  readonly asOf: string
  readonly source: Operations
  /** Initiatives created on or before the day and not archived, with only their earlier records. */
  readonly initiatives: readonly Initiative[]
  /** Meetings dated on or before the day and not archived. */
  readonly meetings: readonly MeetingAsOf[]
}

/**
 * Cuts the register at the end of `asOf`, so every rule reads only what was known that day. Records
 * are reused, not copied, where nothing of theirs is later (the common case: `asOf` is today).
 */
export function operationsAsOf(operations: Operations, asOf: string): OperationsAsOf {
  const initiatives: Initiative[] = []
  for (const initiative of operations.initiatives) {
    if (initiative.archived || isAfter(initiative.createdAt, asOf)) continue
    initiatives.push(initiativeAsOf(initiative, asOf))
  }
  const meetings: MeetingAsOf[] = []
  for (const meeting of operations.meetings) {
    if (meeting.archived || meeting.date > asOf) continue
    meetings.push({ ...meeting, status: meetingStatus(meeting, asOf) })
  }
  return { asOf, source: operations, initiatives, meetings }
}

/** An initiative with only the moves, reviews and measurements dated on or before `asOf`. */
export function initiativeAsOf(initiative: Initiative, asOf: string): Initiative {
  const history = upTo(initiative.history, asOf)
  const cto = upTo(initiative.lenses.cto, asOf)
  const caio = upTo(initiative.lenses.caio, asOf)
  const measurements = upTo(initiative.measurements, asOf)
  if (
    history === initiative.history &&
    cto === initiative.lenses.cto &&
    caio === initiative.lenses.caio &&
    measurements === initiative.measurements
  ) {
    return initiative
  }
  const stage = history.at(-1)?.to ?? (initiative.history.length > 0 ? 'idea' : initiative.stage)
  return {
    ...initiative,
    ...(stage !== undefined ? { stage } : {}),
    history,
    lenses: { cto, caio },
    measurements,
  }
}

/** A meeting's status on a day: as recorded, else held once its date has come. */
export function meetingStatus(meeting: Meeting, asOf: string): MeetingStatus {
  return meeting.status ?? (meeting.date <= asOf ? 'held' : 'scheduled')
}

/** A decision's status at the end of a day: closed only once its closing day has come. */
export function decisionStatusOn(decision: MeetingDecision, asOf: string): DecisionStatus {
  if (decision.status === 'open') return 'open'
  return decision.closedAt !== undefined && decision.closedAt > asOf ? 'open' : decision.status
}

function upTo<T extends { readonly at: string }>(items: T[], asOf: string): T[] {
  // Sorted by date (validateOperations), so the records after `asOf` are a tail. Comparing the
  // first ten characters in place avoids a string per record: this runs on every call of signals().
  let end = items.length
  while (end > 0 && isAfter(items[end - 1]?.at ?? '', asOf)) end--
  return end === items.length ? items : items.slice(0, end)
}

/** Whether the day a day or date-time starts with is after `day` (both YYYY-MM-DD). */
function isAfter(at: string, day: string): boolean {
  for (let i = 0; i < 10; i++) {
    const a = at.charCodeAt(i)
    const b = day.charCodeAt(i)
    if (a !== b) return a > b
  }
  return false
}
