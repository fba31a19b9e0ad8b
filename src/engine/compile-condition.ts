import type { Fact } from './types.js'
import type { Facts } from './facts.js'
import type { ConditionDoc } from './playbook-schema.js'
import { FACT_NAMES } from './facts.js'

export type Predicate = (facts: Facts) => boolean

/** Compiles a playbook condition into a closure, once per playbook, so evaluation allocates nothing. */
export function compileCondition(condition: ConditionDoc): Predicate {
  const tests: Predicate[] = []
  for (const name of FACT_NAMES) {
    const allowed = condition[name]
    if (!allowed) continue
    if (allowed.length === 1) {
      const only = allowed[0]
      tests.push((facts) => facts[name] === only)
    } else {
      // A plain lookup object: faster than a Set for three-level vocabularies.
      const lookup: Record<string, boolean> = Object.create(null) as Record<string, boolean>
      for (const level of allowed) lookup[level] = true
      tests.push((facts) => lookup[facts[name]] === true)
    }
  }
  if (condition.all) {
    const all = condition.all.map(compileCondition)
    tests.push((facts) => all.every((p) => p(facts)))
  }
  if (condition.any) {
    const any = condition.any.map(compileCondition)
    tests.push((facts) => any.some((p) => p(facts)))
  }
  if (condition.not) {
    const not = compileCondition(condition.not)
    tests.push((facts) => !not(facts))
  }
  if (tests.length === 0) return () => true
  if (tests.length === 1) return tests[0] as Predicate
  return (facts) => {
    for (const test of tests) if (!test(facts)) return false
    return true
  }
}

/** The facts that made a condition hold, in reading order, each once: the "why" of a rule. */
export function explainCondition(condition: ConditionDoc, facts: Facts): readonly Fact[] {
  const seen = new Map<string, Fact>()
  collect(condition, facts, seen)
  return [...seen.values()]
}

function collect(condition: ConditionDoc, facts: Facts, into: Map<string, Fact>): boolean {
  const local = new Map<string, Fact>()
  for (const name of FACT_NAMES) {
    const allowed = condition[name]
    if (!allowed) continue
    if (!allowed.includes(facts[name])) return false
    local.set(name, { name, value: facts[name] })
  }
  for (const sub of condition.all ?? []) if (!collect(sub, facts, local)) return false
  if (condition.any) {
    // Report every alternative that holds: each is a reason on its own.
    const holding = condition.any.filter((sub) => collect(sub, facts, local))
    if (holding.length === 0) return false
  }
  if (condition.not && collect(condition.not, facts, new Map())) return false
  for (const [key, fact] of local) into.set(key, fact)
  return true
}
