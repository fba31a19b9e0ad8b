import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput } from '../../test/engine-arbitraries.js'
import { anExample, thePlaybook } from '../../test/engine-builders.js'
import { assess } from './assess.js'
import { summarize } from './summarize.js'
import { validateProfile } from './validate-profile.js'

describe('summarize', () => {
  it('summarizes the midsize example: structure, the five levels, anti-pattern ids', () => {
    expect(summarize(anExample('midsize-logistics.yaml'), thePlaybook())).toEqual({
      name: 'Meridian Freight',
      structure: 'cto-plus-fractional-caio',
      complexity: 'low',
      'ai-centrality': 'important',
      'cross-functional-reach': 'broad',
      'failure-stakes': 'elevated',
      budget: 'one',
      antiPatterns: ['cto-can-handle-ai'],
    })
  })

  it('always agrees with the full assessment', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const profile = validateProfile(input)
        if (!profile.ok) throw new Error('generated profile invalid')
        const full = assess(profile.value, thePlaybook())
        const summary = summarize(profile.value, thePlaybook())
        expect(summary.structure).toBe(full.recommendation.structure)
        expect(full.questions.map((q) => q.level)).toEqual([
          summary.complexity,
          summary['ai-centrality'],
          summary['cross-functional-reach'],
          summary['failure-stakes'],
          summary.budget,
        ])
        expect(summary.antiPatterns).toEqual(full.antiPatterns.map((a) => a.id))
      }),
      { numRuns: 300 },
    )
  })
})
