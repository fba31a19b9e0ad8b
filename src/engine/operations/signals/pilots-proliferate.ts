import type { RuleFinding, SignalContext, SignalEvidence } from './signal-context.js'
import { currentStage, stageSince } from '../current-stage.js'
import { addDays, dayOf, daysBetween } from '../dates.js'
import { named, ORGANIZATION } from './signal-context.js'

/**
 * `pilots-proliferate`: at least `minPilots` pilots older than `minPilotAgeDays`, and under
 * `concludedShareBelow` of the pilots concluded in the last `windowDays` went to production or stopped.
 */
export function pilotsProliferate(context: SignalContext): readonly RuleFinding[] {
  const config = context.config.signals['pilots-proliferate']
  const old: SignalEvidence[] = []
  for (const initiative of context.view.initiatives) {
    if (currentStage(initiative) !== 'pilot') continue
    const age = daysBetween(stageSince(initiative), context.asOf)
    if (age > config.minPilotAgeDays) {
      old.push({
        note: `${named(initiative)} has been in pilot for ${age} days`,
        initiative: initiative.id,
      })
    }
  }
  if (old.length < config.minPilots) return []
  const from = addDays(context.asOf, -config.windowDays)
  let concluded = 0
  let decided = 0
  for (const initiative of context.view.initiatives) {
    for (const move of initiative.history) {
      if (move.from !== 'pilot' || dayOf(move.at) <= from) continue
      concluded++
      if (move.to === 'production' || move.to === 'stopped') decided++
    }
  }
  const share = concluded === 0 ? 0 : decided / concluded
  if (share >= config.concludedShareBelow) return []
  return [
    {
      subject: ORGANIZATION,
      severity: 'warning',
      evidence: [
        {
          note: `${old.length} pilots are older than ${config.minPilotAgeDays} days`,
        },
        {
          note:
            concluded === 0
              ? `no pilot was concluded in the last ${config.windowDays} days`
              : `${decided} of ${concluded} pilots concluded in the last ${config.windowDays} days went to production or were stopped`,
        },
        ...old,
      ],
    },
  ]
}
