import type { Initiative, Measurement } from './operations-schema.js'
import { currentStage } from './current-stage.js'
import { addDays, dayOf } from './dates.js'
import { currentMeasure } from './latest-review.js'

/** Where an initiative stands on ROI (operate.md §1 "ROI"). */
export interface Roi {
  /** The day it last went live; null when it is not in production. */
  readonly liveSince: string | null
  /** In production with a measurement dated in the window and on or after the day it went live. */
  readonly measured: boolean
  readonly latest: Measurement | null
  readonly metric: string | null
  readonly unit: string | null
  readonly baseline: number | null
  readonly target: number | null
  /** (latest − baseline) / (target − baseline); null without all three or with target = baseline. */
  readonly progress: number | null
}

/** The initiative's ROI at the end of `asOf`, counting measurements of the last `windowDays` days. */
export function roiOf(initiative: Initiative, asOf: string, windowDays: number): Roi {
  const liveSince = currentStage(initiative) === 'production' ? wentLive(initiative) : null
  let latest: Measurement | null = null
  for (const measurement of initiative.measurements) {
    if (dayOf(measurement.at) <= asOf) latest = measurement
  }
  const from = liveSince === null ? null : maxDay(liveSince, addDays(asOf, -windowDays))
  const measured =
    from !== null && initiative.measurements.some((m) => dayOf(m.at) >= from && dayOf(m.at) <= asOf)
  const measure = currentMeasure(initiative)
  const baseline = measure?.baseline ?? null
  const target = measure?.target ?? null
  const progress =
    latest !== null && baseline !== null && target !== null && target !== baseline
      ? (latest.value - baseline) / (target - baseline)
      : null
  return {
    liveSince,
    measured,
    latest,
    metric: measure?.metric ?? null,
    unit: measure?.unit ?? null,
    baseline,
    target,
    progress,
  }
}

/** The day of the initiative's last move into production (its creation day without a history). */
export function wentLive(initiative: Initiative): string {
  for (let i = initiative.history.length - 1; i >= 0; i--) {
    const move = initiative.history[i]
    if (move?.to === 'production') return dayOf(move.at)
  }
  return dayOf(initiative.createdAt)
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b
}
