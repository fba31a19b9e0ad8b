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

  it('explains each decision with what holds of its facts: the first reason whose condition holds, then the cap, and the passages whose condition holds; shared by equal explanations', () => {
    const playbook = thePlaybook()
    const byExplanation = new Map<string, unknown>()
    everyFacts().forEach((facts, i) => {
      const decision = playbook.decisions[i]
      if (!decision) return
      const { rule, cap, structure } = decision
      const why = rule.why.find((w) => w.test(facts))?.text
      expect(decision.why).toEqual(cap ? [why, cap.why] : [why])
      const ids = [...rule.source, ...playbook.doc.structures[structure].source]
      const quoted = ids
        .map((id) => playbook.passages[id])
        .filter((p) => p !== undefined && p.test(facts))
        .map((p) => p?.text)
      const once = quoted.filter((t, j) => !quoted.slice(0, j).some((q) => q?.includes(t ?? '')))
      expect(decision.source).toEqual(once)
      const key = JSON.stringify([rule.id, cap?.id, decision.why, decision.source])
      const seen = byExplanation.get(key) ?? decision
      byExplanation.set(key, seen)
      expect(decision).toBe(seen)
    })
    expect(byExplanation.size).toBeGreaterThan(1)
  })
})
