import type { Initiative } from '../operations-schema.js'
import type { RuleFinding, SignalContext } from './signal-context.js'
import { currentStage, stageSince } from '../current-stage.js'
import { addDays, dayOf, daysBetween } from '../dates.js'
import { aboutInitiative, named, ORGANIZATION } from './signal-context.js'

/**
 * `production-stalls`: a pilot `graceDays` past its `reviewBy` date (default `pilotReviewDays` after it
 * entered pilot); or, with at least `minPromotions` promotions in the last `windowDays`, a median time
 * from entering pilot to production above `maxMedianDays`.
 */
export function productionStalls(context: SignalContext): readonly RuleFinding[] {
  const config = context.config.signals['production-stalls']
  const findings: RuleFinding[] = []
  for (const initiative of context.view.initiatives) {
    if (currentStage(initiative) !== 'pilot') continue
    const reviewBy = reviewDay(initiative, context.config.pilotReviewDays)
    const late = daysBetween(reviewBy, context.asOf)
    if (late >= config.graceDays) {
      findings.push({
        subject: aboutInitiative(initiative),
        severity: 'warning',
        evidence: [
          {
            note: `${named(initiative)} was due its production decision on ${reviewBy}, ${late} days ago`,
            initiative: initiative.id,
          },
        ],
      })
    }
  }
  const from = addDays(context.asOf, -config.windowDays)
  const durations: { initiative: Initiative; days: number }[] = []
  for (const initiative of context.view.initiatives) {
    let enteredPilot = dayOf(initiative.createdAt)
    for (const move of initiative.history) {
      if (move.to === 'pilot') enteredPilot = dayOf(move.at)
      else if (move.from === 'pilot' && move.to === 'production' && dayOf(move.at) > from) {
        durations.push({ initiative, days: daysBetween(enteredPilot, move.at) })
      }
    }
  }
  if (durations.length >= config.minPromotions) {
    const median = medianOf(durations.map((d) => d.days))
    if (median > config.maxMedianDays) {
      findings.push({
        subject: ORGANIZATION,
        severity: 'warning',
        evidence: [
          {
            note: `the ${durations.length} promotions of the last ${config.windowDays} days took a median of ${median} days from pilot to production`,
          },
        ],
      })
    }
  }
  return findings
}

/** The day a pilot is due its production decision. */
export function reviewDay(initiative: Initiative, pilotReviewDays: number): string {
  return initiative.reviewBy ?? addDays(stageSince(initiative), pilotReviewDays)
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
