import type { Playbook } from './compile-playbook.js'
import type { Decision } from './decision-table.js'
import type { Facts } from './facts.js'
import { factsIndex } from './decision-table.js'

export type { Decision } from './decision-table.js'

/** The decision table (framework.md §4): the first matching rule, then the budget caps. */
export function decide(facts: Facts, playbook: Playbook): Decision {
  const decision = playbook.decisions[factsIndex(facts)]
  if (decision) return decision
  // compilePlaybook refuses a playbook whose rules leave any derivable combination of facts undecided.
  throw new Error(`playbook ${playbook.id} has no rule for ${JSON.stringify(facts)}`)
}
