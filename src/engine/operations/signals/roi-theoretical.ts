import type { RuleFinding, SignalContext, SignalEvidence } from './signal-context.js'
import { currentStage } from '../current-stage.js'
import { daysBetween } from '../dates.js'
import { roiOf } from '../roi-of.js'
import { named, ORGANIZATION } from './signal-context.js'

/** `roi-theoretical`: under `measuredShareBelow` of the initiatives live over `liveDays` are ROI measured. */
export function roiTheoretical(context: SignalContext): readonly RuleFinding[] {
  const config = context.config.signals['roi-theoretical']
  let live = 0
  const unmeasured: SignalEvidence[] = []
  for (const initiative of context.view.initiatives) {
    if (currentStage(initiative) !== 'production') continue
    const roi = roiOf(initiative, context.asOf, context.config.roiWindowDays)
    if (roi.liveSince === null || daysBetween(roi.liveSince, context.asOf) <= config.liveDays)
      continue
    live++
    if (!roi.measured) {
      unmeasured.push({
        note: `${named(initiative)} has been live since ${roi.liveSince} without a measurement in the last ${context.config.roiWindowDays} days`,
        initiative: initiative.id,
      })
    }
  }
  if (live === 0 || (live - unmeasured.length) / live >= config.measuredShareBelow) return []
  return [
    {
      subject: ORGANIZATION,
      severity: 'warning',
      evidence: [
        {
          note: `${live - unmeasured.length} of ${live} initiatives live for more than ${config.liveDays} days are measured against their baseline`,
        },
        ...unmeasured,
      ],
    },
  ]
}
