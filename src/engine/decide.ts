import type { CompiledCap, CompiledRule, Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { StructureId } from './vocabulary.js'

export interface Decision {
  readonly rule: CompiledRule
  readonly cap: CompiledCap | null
  readonly structure: StructureId
}

/** The decision table (framework.md §4): the first matching rule, then the budget caps. */
export function decide(facts: Facts, playbook: Playbook): Decision {
  for (const rule of playbook.rules) {
    if (!rule.test(facts)) continue
    const cap = playbook.capsByBudget[facts.budget][rule.structure] ?? null
    return { rule, cap, structure: cap ? cap.to : rule.structure }
  }
  // compilePlaybook refuses a playbook whose rules leave any combination of facts undecided.
  throw new Error(`playbook ${playbook.id} has no rule for ${JSON.stringify(facts)}`)
}
