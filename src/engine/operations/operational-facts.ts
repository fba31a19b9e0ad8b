import type { Playbook } from '../compile-playbook.js'
import type { Operations } from './operations-schema.js'
import { currentStage } from './current-stage.js'
import { daysBetween } from './dates.js'
import { operationsAsOf } from './operations-as-of.js'
import { operationsConfig } from './operations-config.js'
import { roiOf } from './roi-of.js'
import { alignmentWindow, heldAlignments } from './signals/partners-dont-talk.js'

/** The profile's operational facts as the register shows them on a day (operate.md §3, last paragraph). */
export interface OperationalFacts {
  readonly asOf: string
  readonly aiPilots: number
  readonly aiInProduction: number
  /** Whether production AI is measured against its baseline; absent with nothing live long enough. */
  readonly roiMeasured?: boolean
  /** Held alignment meetings in the last 28 days, as a monthly rate; absent before the register started. */
  readonly alignmentMeetingsPerMonth?: number
}

/**
 * Derives `current.aiPilots`, `current.aiInProduction`, `current.roiMeasured` and
 * `current.alignmentMeetingsPerMonth` from the register at the end of `asOf`. ROI counts as measured
 * when `roi-theoretical` would not fire; meetings are counted over the signal's window.
 */
export function operationalFacts(
  operations: Operations,
  playbook: Playbook,
  asOf: string,
): OperationalFacts {
  const config = operationsConfig(playbook)
  const view = operationsAsOf(operations, asOf)
  let aiPilots = 0
  let aiInProduction = 0
  let live = 0
  let measured = 0
  const liveDays = config.signals['roi-theoretical'].liveDays
  for (const initiative of view.initiatives) {
    const stage = currentStage(initiative)
    if (stage === 'pilot') aiPilots++
    if (stage !== 'production') continue
    aiInProduction++
    const roi = roiOf(initiative, asOf, config.roiWindowDays)
    if (roi.liveSince !== null && daysBetween(roi.liveSince, asOf) > liveDays) {
      live++
      if (roi.measured) measured++
    }
  }
  const windowDays = config.signals['partners-dont-talk'].windowDays
  const window = alignmentWindow(operations, asOf, windowDays)
  const perMonth =
    window === null
      ? undefined
      : Math.round(
          ((heldAlignments(view.meetings, window.from, asOf).length * 28) / window.days) * 10,
        ) / 10
  return {
    asOf,
    aiPilots,
    aiInProduction,
    ...(live > 0
      ? { roiMeasured: measured / live >= config.signals['roi-theoretical'].measuredShareBelow }
      : {}),
    ...(perMonth !== undefined ? { alignmentMeetingsPerMonth: perMonth } : {}),
  }
}
