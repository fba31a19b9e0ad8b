import { describe, expect, it } from 'vitest'
import { compileFile, thePlaybook } from '../../test/engine-builders.js'
import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import { decide } from './decide.js'
import { FACT_COMBINATIONS, everyFacts, factsIndex } from './decision-table.js'

/** The table's definition, written as the rule loop it replaces. */
function firstMatch(facts: Facts, playbook: Playbook) {
  const rule = playbook.rules.find((r) => r.test(facts))
  if (!rule) return undefined
  const cap = playbook.capsByBudget[facts.budget][rule.structure] ?? null
  return { rule: rule.id, cap: cap?.id ?? null, structure: cap ? cap.to : rule.structure }
}

describe('the decision table', () => {
  it('numbers every combination of facts once, in order', () => {
    const all = everyFacts()
    expect(all).toHaveLength(FACT_COMBINATIONS)
    expect(FACT_COMBINATIONS).toBe(2187)
    all.forEach((facts, i) => expect(factsIndex(facts)).toBe(i))
  })

  it('places a level outside its vocabulary nowhere, so deciding on it throws', () => {
    const facts = { ...everyFacts()[0], reach: 'wide' } as unknown as Facts
    expect(factsIndex(facts)).toBeNaN()
    expect(() => decide(facts, thePlaybook())).toThrow(/has no rule for/)
  })

  it.each([
    ['the default playbook', 'playbooks/tandem-default.yaml'],
    ['a custom playbook', 'examples/playbooks/northstar-advisory.yaml'],
  ])('gives, for %s, the first matching rule and its cap for every combination', (_, file) => {
    const playbook = file.startsWith('playbooks/') ? thePlaybook() : compileFile(file)
    let decided = 0
    for (const facts of everyFacts()) {
      const expected = firstMatch(facts, playbook)
      const entry = playbook.decisions[factsIndex(facts)]
      expect(
        entry && { rule: entry.rule.id, cap: entry.cap?.id ?? null, structure: entry.structure },
      ).toEqual(expected)
      if (expected) {
        expect(decide(facts, playbook).structure).toBe(expected.structure)
        decided++
      } else {
        expect(() => decide(facts, playbook)).toThrow(/has no rule for/)
      }
    }
    expect(decided).toBeGreaterThan(0)
  })

  it('explains each decision once: why is the rule then the cap, source the passages, shared by all', () => {
    const playbook = thePlaybook()
    const byRuleAndCap = new Map<string, unknown>()
    for (const decision of playbook.decisions) {
      if (!decision) continue
      const { rule, cap, structure } = decision
      expect(decision.why).toEqual(cap ? [rule.why, cap.why] : [rule.why])
      const ids = [...new Set([...rule.source, ...playbook.doc.structures[structure].source])]
      expect(decision.source).toEqual(ids.map((id) => playbook.doc.passages[id] ?? id))
      const key = `${rule.id} ${cap?.id ?? ''}`
      const seen = byRuleAndCap.get(key) ?? decision
      byRuleAndCap.set(key, seen)
      expect(decision).toBe(seen)
    }
    expect(byRuleAndCap.size).toBeGreaterThan(1)
  })
})
