import type { Operations, Organization } from '../operations-schema.js'
import type { MeetingAsOf } from '../operations-as-of.js'
import type { MeetingCadence } from '../vocabulary.js'
import type { RuleFinding, SignalContext } from './signal-context.js'
import { addDays, dayOf, daysBetween } from '../dates.js'
import { ORGANIZATION } from './signal-context.js'

const COUNTED_KINDS: ReadonlySet<string> = new Set(['alignment', 'portfolio-review'])

/**
 * `partners-dont-talk`, where a CTO seat and a CAIO seat both exist: held alignment meetings in the
 * last `windowDays` below the cadence by more than `tolerance` (critical when none), or one of the two
 * seats absent from all of them. Days before the register started do not count, and the attendance
 * rule waits until the window could hold one meeting, so a held meeting never raises the signal.
 */
export function partnersDontTalk(context: SignalContext): readonly RuleFinding[] {
  const { organization, asOf } = context
  const config = context.config.signals['partners-dont-talk']
  if (!hasBothSeats(organization)) return []
  const window = alignmentWindow(context.view.source, asOf, config.windowDays)
  if (window === null) return []
  const cadence = cadenceOf(organization)
  const expected = (context.config.meetingsPer28Days[cadence] * window.days) / 28
  const held = heldAlignments(context.view.meetings, window.from, asOf)
  const span = `${window.days === config.windowDays ? `the last ${window.days} days` : `the ${window.days} days since the register started on ${window.from}`}`
  const expectedText = `${formatCount(expected)} expected at a ${cadence} cadence`
  // No meeting at all where the window could hold one is a miss even within the tolerance.
  const none = held.length === 0 && expected >= 1
  if (held.length < expected - config.tolerance || none) {
    return [
      {
        subject: ORGANIZATION,
        severity: held.length === 0 ? 'critical' : 'warning',
        evidence: [
          {
            note: `${held.length} alignment meeting${held.length === 1 ? '' : 's'} held in ${span} (${expectedText})`,
          },
          ...held.map((m) => ({ note: `held on ${m.date}`, meeting: m.id })),
        ],
      },
    ]
  }
  if (expected < 1) return []
  const absent = ['CTO', 'CAIO'].filter(
    (seat) => !held.some((m) => m.attendees.some((a) => a.seat === seat)),
  )
  if (absent.length === 0) return []
  return [
    {
      subject: ORGANIZATION,
      severity: 'warning',
      evidence: [
        {
          note: `the ${absent.join(' and the ')} attended none of the ${held.length} alignment meetings held in ${span}`,
        },
        ...held.map((m) => ({ note: `held on ${m.date}`, meeting: m.id })),
      ],
    },
  ]
}

/** Whether the organization has a CTO seat and a CAIO seat (the partnership the rule watches). */
export function hasBothSeats(organization: Organization): boolean {
  const titles = organization.seats.map((seat) => seat.title)
  return titles.includes('CTO') && titles.includes('CAIO')
}

/** The organization's cadence: as set, else weekly with both seats, else monthly (operate.md §2). */
export function cadenceOf(organization: Organization): MeetingCadence {
  return organization.cadence ?? (hasBothSeats(organization) ? 'weekly' : 'monthly')
}

/**
 * The day the register started: as set, else its first initiative's creation. Meetings never move it,
 * so recording a meeting cannot widen the window a rule looks at.
 */
export function registerStart(operations: Operations): string | null {
  if (operations.organization.registerStarted) return operations.organization.registerStarted
  let first: string | null = null
  for (const initiative of operations.initiatives) {
    const day = dayOf(initiative.createdAt)
    if (first === null || day < first) first = day
  }
  return first
}

/** The last `windowDays` days up to `asOf`, cut at the register's start; null before it started. */
export function alignmentWindow(
  operations: Operations,
  asOf: string,
  windowDays: number,
): { from: string; days: number } | null {
  const start = registerStart(operations)
  if (start === null || start > asOf) return null
  const windowFrom = addDays(asOf, -(windowDays - 1))
  const from = start > windowFrom ? start : windowFrom
  return { from, days: daysBetween(from, asOf) + 1 }
}

/** Held alignment meetings dated from `from` to `until`, both included. */
export function heldAlignments(
  meetings: readonly MeetingAsOf[],
  from: string,
  until: string,
): readonly MeetingAsOf[] {
  return meetings.filter(
    (m) => m.status === 'held' && COUNTED_KINDS.has(m.kind) && m.date >= from && m.date <= until,
  )
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
