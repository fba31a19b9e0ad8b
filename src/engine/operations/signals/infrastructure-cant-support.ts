import type { RuleFinding, SignalContext } from './signal-context.js'
import { currentStage, stageSince } from '../current-stage.js'
import { daysBetween } from '../dates.js'
import { latestCto } from '../latest-review.js'
import { aboutInitiative, named } from './signal-context.js'

/**
 * `infrastructure-cant-support`: an initiative `pilotDays` in pilot whose CTO `build` is no or was never
 * reviewed ("the CAIO proposes initiatives the infrastructure can't support").
 */
export function infrastructureCantSupport(context: SignalContext): readonly RuleFinding[] {
  const config = context.config.signals['infrastructure-cant-support']
  const findings: RuleFinding[] = []
  for (const initiative of context.view.initiatives) {
    if (currentStage(initiative) !== 'pilot') continue
    const days = daysBetween(stageSince(initiative), context.asOf)
    if (days < config.pilotDays) continue
    const build = latestCto(initiative)?.build
    if (build !== undefined && build !== 'no') continue
    findings.push({
      subject: aboutInitiative(initiative),
      severity: 'warning',
      evidence: [
        {
          note:
            build === 'no'
              ? `${named(initiative)} has been in pilot for ${days} days though the CTO answered no to "Can we build this?"`
              : `${named(initiative)} has been in pilot for ${days} days without a CTO review of whether it can be built`,
          initiative: initiative.id,
        },
      ],
    })
  }
  return findings
}
