import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput } from '../../test/engine-arbitraries.js'
import { assess } from '../engine/assess.js'
import { validateProfile } from '../engine/validate-profile.js'
import { defaultPlaybook } from '../io/load-playbook.js'
import { summarize } from './summarize.js'

describe('summarize', () => {
  it('gives the same row as the whole assessment, over generated profiles', () => {
    const playbook = defaultPlaybook()
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const validated = validateProfile(input)
        if (!validated.ok) return
        const assessment = assess(validated.value, playbook)
        const levels = Object.fromEntries(
          assessment.questions.map((question) => [question.id, question.level]),
        )
        expect(summarize(validated.value, playbook).row).toEqual({
          name: assessment.profile.name,
          structure: assessment.recommendation.structure,
          complexity: levels['complexity'],
          'ai-centrality': levels['ai-centrality'],
          'cross-functional-reach': levels['cross-functional-reach'],
          'failure-stakes': levels['failure-stakes'],
          budget: levels['budget'],
          antiPatterns: assessment.antiPatterns.map((finding) => finding.id),
        })
      }),
      { numRuns: 300 },
    )
  })
})
