import type { Facts, Signals } from './facts.js'
import type { Playbook } from './compile-playbook.js'
import type { BudgetLevel, ComplexityLevel, ReachLevel, Size } from './vocabulary.js'

/** Derives the decision facts from the raw signals with the playbook's thresholds (framework.md §3–§4). */
export function deriveFacts(signals: Signals, playbook: Playbook): Facts {
  const t = playbook.doc.thresholds
  // Built once and completed in place: this runs for every profile and every counterfactual.
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = {
    size: sizeOf(signals.employees, t.size.midsizeMin, t.size.largeMin),
    complexity: complexityOf(signals.products, signals.engineers, t.complexity),
    centrality: signals.centrality,
    reach: reachOf(signals.functionCount, t.reach.moderateMin, t.reach.broadMin),
    stakes: signals.stakes,
    budget: budgetOf(signals.fullTimeLeaders),
    aiDemand: playbook.aiDemandDefault,
  }
  facts.aiDemand = playbook.aiDemand(facts)
  return facts
}

export function sizeOf(employees: number, midsizeMin: number, largeMin: number): Size {
  if (employees >= largeMin) return 'large'
  return employees >= midsizeMin ? 'midsize' : 'startup'
}

// "A single product with a small engineering team can combine the roles; multiple products with 25+
// engineers probably can't."
export function complexityOf(
  products: number,
  engineers: number,
  t: { readonly highMinProducts: number; readonly highMinEngineers: number },
): ComplexityLevel {
  if (products >= t.highMinProducts && engineers >= t.highMinEngineers) return 'high'
  if (products < t.highMinProducts && engineers < t.highMinEngineers) return 'low'
  return 'medium'
}

export function reachOf(functionCount: number, moderateMin: number, broadMin: number): ReachLevel {
  if (functionCount >= broadMin) return 'broad'
  return functionCount >= moderateMin ? 'moderate' : 'narrow'
}

/** "≥ 2 counts as 2" (framework.md §2). */
export function budgetOf(fullTimeLeaders: number): BudgetLevel {
  if (fullTimeLeaders >= 2) return 'two'
  return fullTimeLeaders === 1 ? 'one' : 'fractional'
}
