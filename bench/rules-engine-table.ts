import type { NestedCondition, RuleProperties, TopLevelCondition } from 'json-rules-engine'
import { Engine } from 'json-rules-engine'
import type { Playbook } from '../src/engine/compile-playbook.js'
import type { Facts } from '../src/engine/facts.js'
import type { ConditionDoc } from '../src/engine/playbook-schema.js'
import { FACT_NAMES } from '../src/engine/facts.js'
import { BUDGET_LEVELS } from '../src/engine/vocabulary.js'

// The baseline: the same decision table (framework.md §4, budget caps included) written for
// json-rules-engine, the common choice for rules-as-data in Node. Built from the playbook so the two
// cannot drift: each rule becomes one rule per budget level with the cap folded in, and the
// first-match order becomes priority.

function toCondition(doc: ConditionDoc): TopLevelCondition {
  const all: NestedCondition[] = []
  for (const name of FACT_NAMES) {
    const allowed = doc[name]
    if (allowed) all.push({ fact: name, operator: 'in', value: [...allowed] })
  }
  for (const sub of doc.all ?? []) all.push(toCondition(sub))
  if (doc.any) all.push({ any: doc.any.map(toCondition) })
  if (doc.not) all.push({ not: toCondition(doc.not) })
  return { all }
}

export function rulesEngineTable(playbook: Playbook): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true })
  const rules: RuleProperties[] = []
  playbook.rules.forEach((rule, index) => {
    for (const budget of BUDGET_LEVELS) {
      const cap = playbook.capsByBudget[budget][rule.structure]
      rules.push({
        name: `${rule.id}/${budget}`,
        priority: 1 + playbook.rules.length - index,
        conditions: {
          all: [toCondition(rule.when), { fact: 'budget', operator: 'equal', value: budget }],
        },
        event: {
          type: cap ? cap.to : rule.structure,
          params: { rule: rule.id, priority: playbook.rules.length - index },
        },
      })
    }
  })
  for (const rule of rules) engine.addRule(rule)
  return engine
}

/** The structure json-rules-engine picks: the matching rule of highest priority (first in the table). */
export async function runRulesEngine(engine: Engine, facts: Facts): Promise<string> {
  const { events } = await engine.run({ ...facts })
  let best: { type: string; priority: number } | undefined
  for (const event of events) {
    const priority = Number(event.params?.['priority'] ?? 0)
    if (!best || priority > best.priority) best = { type: event.type, priority }
  }
  if (!best) throw new Error('no rule matched')
  return best.type
}

/** The same table hand-written in TypeScript: the reference for how fast the table itself can go. */
export function handWrittenTable(f: Facts): string {
  let s: string
  if (f.size === 'startup') {
    if (
      f.stakes === 'high' ||
      f.complexity === 'high' ||
      (f.reach === 'broad' && f.centrality !== 'peripheral')
    )
      s = 'separate-fractional'
    else if (f.centrality === 'core' && f.budget !== 'fractional') s = 'unified-full-time'
    else s = 'unified-fractional'
  } else if (f.aiDemand === 'none') s = 'cto-owns-ai'
  else if (
    f.size === 'large' &&
    f.aiDemand === 'full' &&
    f.complexity !== 'low' &&
    f.budget === 'two'
  )
    s = 'separate-full-time'
  else s = 'cto-plus-fractional-caio'
  if (f.budget === 'fractional') {
    if (s === 'cto-plus-fractional-caio' || s === 'separate-full-time') return 'separate-fractional'
    if (s === 'cto-owns-ai') return 'unified-fractional'
  }
  if (f.budget === 'one' && s === 'separate-full-time') return 'cto-plus-fractional-caio'
  return s
}
