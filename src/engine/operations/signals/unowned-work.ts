import type { RuleFinding, SignalContext } from './signal-context.js'
import { currentStage } from '../current-stage.js'
import { decisionStatusOn } from '../operations-as-of.js'
import { aboutInitiative, named } from './signal-context.js'

/** `unowned-work`: an initiative in pilot or production, or an open decision, without an owner. */
export function unownedWork(context: SignalContext): readonly RuleFinding[] {
  const findings: RuleFinding[] = []
  for (const initiative of context.view.initiatives) {
    const stage = currentStage(initiative)
    if ((stage !== 'pilot' && stage !== 'production') || initiative.owner) continue
    findings.push({
      subject: aboutInitiative(initiative),
      severity: 'warning',
      evidence: [
        {
          note: `${named(initiative)} is in ${stage} with no owner seat`,
          initiative: initiative.id,
        },
      ],
    })
  }
  for (const { decision, meeting } of context.decisions) {
    if (decision.owner || decisionStatusOn(decision, context.asOf) !== 'open') continue
    findings.push({
      subject: { kind: 'decision', id: decision.id },
      severity: 'warning',
      evidence: [
        {
          note: `the decision “${decision.text}” of ${meeting.date} is open with no owner seat`,
          meeting: meeting.id,
          decision: decision.id,
        },
      ],
    })
  }
  return findings
}
