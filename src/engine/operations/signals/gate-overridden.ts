import type { RuleFinding, SignalContext } from './signal-context.js'
import { dayOf } from '../dates.js'
import { gateDebt } from '../gate-debt.js'
import { aboutInitiative, named } from './signal-context.js'

/** `gate-overridden`: gate debt from a forced move; critical when `secure` or a high-tier item was skipped. */
export function gateOverridden(context: SignalContext): readonly RuleFinding[] {
  const findings: RuleFinding[] = []
  const gate = { organization: context.organization, playbook: context.playbook }
  for (const initiative of context.view.initiatives) {
    if (!initiative.history.some((move) => move.kind === 'forced')) continue
    const debt = gateDebt(initiative, gate)
    if (debt.length === 0) continue
    findings.push({
      subject: aboutInitiative(initiative),
      severity: debt.some((d) => d.critical) ? 'critical' : 'warning',
      evidence: debt.map((d) => ({
        note: `${named(initiative)} was forced into ${d.move.to} on ${dayOf(d.move.at)}${d.move.reason ? ` (“${d.move.reason}”)` : ''}; still open: ${d.message}`,
        initiative: initiative.id,
      })),
    })
  }
  return findings
}
