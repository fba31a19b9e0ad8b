import type { CompiledCap, CompiledRule } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { StructureId } from './vocabulary.js'
import {
  AI_DEMANDS,
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  COMPLEXITY_LEVELS,
  REACH_LEVELS,
  SIZES,
  STAKES_LEVELS,
} from './vocabulary.js'

/** What the decision table says for one combination of facts (framework.md §4). */
export interface Decision {
  readonly rule: CompiledRule
  readonly cap: CompiledCap | null
  readonly structure: StructureId
  /** The rule's reason, then the cap's: the recommendation's `why`. */
  readonly why: readonly string[]
  /** The passages behind the rule and the structure, each once: the recommendation's `source`. */
  readonly source: readonly string[]
}

// The facts are seven small vocabularies, so every combination fits in one array (3^7 = 2,187
// entries): the playbook's rules are evaluated once per combination when it is compiled, and
// deciding is then an index computation and a lookup.
const DIMENSIONS = [
  SIZES,
  COMPLEXITY_LEVELS,
  CENTRALITY_LEVELS,
  REACH_LEVELS,
  STAKES_LEVELS,
  BUDGET_LEVELS,
  AI_DEMANDS,
] as const

/** Number of combinations of facts: the length of a decision table. */
export const FACT_COMBINATIONS = DIMENSIONS.reduce((n, levels) => n * levels.length, 1)

/** The position of a combination of facts in a decision table; NaN for a level not in its vocabulary. */
export function factsIndex(facts: Facts): number {
  // indexOf on three-item lists: measured faster than a lookup object keyed by level, or a Map.
  const size = SIZES.indexOf(facts.size)
  const complexity = COMPLEXITY_LEVELS.indexOf(facts.complexity)
  const centrality = CENTRALITY_LEVELS.indexOf(facts.centrality)
  const reach = REACH_LEVELS.indexOf(facts.reach)
  const stakes = STAKES_LEVELS.indexOf(facts.stakes)
  const budget = BUDGET_LEVELS.indexOf(facts.budget)
  const aiDemand = AI_DEMANDS.indexOf(facts.aiDemand)
  // One of them is -1 exactly when the bitwise or of all is negative.
  if ((size | complexity | centrality | reach | stakes | budget | aiDemand) < 0) return Number.NaN
  let i = size
  i = i * COMPLEXITY_LEVELS.length + complexity
  i = i * CENTRALITY_LEVELS.length + centrality
  i = i * REACH_LEVELS.length + reach
  i = i * STAKES_LEVELS.length + stakes
  i = i * BUDGET_LEVELS.length + budget
  return i * AI_DEMANDS.length + aiDemand
}

const EVERY_FACTS: readonly Facts[] = (() => {
  const all: Facts[] = []
  for (const size of SIZES)
    for (const complexity of COMPLEXITY_LEVELS)
      for (const centrality of CENTRALITY_LEVELS)
        for (const reach of REACH_LEVELS)
          for (const stakes of STAKES_LEVELS)
            for (const budget of BUDGET_LEVELS)
              for (const aiDemand of AI_DEMANDS)
                all.push(
                  Object.freeze({ size, complexity, centrality, reach, stakes, budget, aiDemand }),
                )
  return Object.freeze(all)
})()

/** Every combination of facts, in table order; built once, shared by every playbook compiled. */
export function everyFacts(): readonly Facts[] {
  return EVERY_FACTS
}

/**
 * The decision for every combination of facts: the first rule that matches, then the budget cap
 * for that rule's structure, with the reason and passages that hold of those facts. `undefined` where
 * no rule matches. Combinations that end in the same rule, cap, reason and passages share one
 * decision, so its `why` and `source` are built once.
 */
export function buildDecisionTable(
  rules: readonly CompiledRule[],
  capsByBudget: Readonly<Record<Facts['budget'], Partial<Record<StructureId, CompiledCap>>>>,
  explain: (
    rule: CompiledRule,
    structure: StructureId,
    facts: Facts,
  ) => { readonly why: string; readonly source: readonly string[] },
): readonly (Decision | undefined)[] {
  const shared = new Map<string, Decision>()
  return everyFacts().map((facts) => {
    const rule = rules.find((r) => r.test(facts))
    if (!rule) return undefined
    const cap = capsByBudget[facts.budget][rule.structure] ?? null
    const structure = cap ? cap.to : rule.structure
    const { why, source } = explain(rule, structure, facts)
    const key = [rule.id, rules.indexOf(rule), cap?.to ?? '', cap?.why ?? '', why, ...source].join(
      '\u0000',
    )
    let decision = shared.get(key)
    if (!decision) {
      decision = { rule, cap, structure, why: cap ? [why, cap.why] : [why], source }
      shared.set(key, decision)
    }
    return decision
  })
}
