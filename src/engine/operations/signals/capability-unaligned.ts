import type { RuleFinding, SignalContext } from './signal-context.js'
import { currentStage } from '../current-stage.js'
import { aboutInitiative, named } from './signal-context.js'

/**
 * `capability-unaligned`: an initiative in pilot or production that never had CAIO `should` = yes ("the
 * CTO builds capabilities that don't align with strategic priorities"). Ideas are still being weighed.
 */
export function capabilityUnaligned(context: SignalContext): readonly RuleFinding[] {
  const findings: RuleFinding[] = []
  for (const initiative of context.view.initiatives) {
    const stage = currentStage(initiative)
    if (stage !== 'pilot' && stage !== 'production') continue
    if (initiative.lenses.caio.some((review) => review.should === 'yes')) continue
    const latest = initiative.lenses.caio.at(-1)
    findings.push({
      subject: aboutInitiative(initiative),
      severity: 'warning',
      evidence: [
        {
          note:
            latest === undefined
              ? `${named(initiative)} is in ${stage} without a CAIO review of whether it should be built`
              : `${named(initiative)} is in ${stage} but the CAIO never answered yes to "Should we build this?" (latest: ${latest.should})`,
          initiative: initiative.id,
        },
      ],
    })
  }
  return findings
}
