import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import type { UseCase } from '../profile-schema.js'
import { DEROGATIONS, USE_CASE_AREAS, USE_CASE_FACTS } from '../vocabulary.js'
import { classify, classifyTier } from './classify.js'

const POINTS = [
  '1a',
  '1b',
  '1c',
  '2',
  '3a',
  '4a',
  '4b',
  '5a',
  '5b',
  '5c',
  '5d',
  '6a',
  '7d',
  '8a',
  '8b',
  '5-1-a',
  '5-1-f',
  '5-1-h',
]

const aUseCase: fc.Arbitrary<UseCase> = fc
  .record({
    facts: fc.subarray([...USE_CASE_FACTS]),
    area: fc.option(fc.constantFrom(...USE_CASE_AREAS), { nil: undefined }),
    point: fc.option(fc.constantFrom(...POINTS), { nil: undefined }),
    derogation: fc.option(fc.constantFrom(...DEROGATIONS), { nil: undefined }),
  })
  .map(({ facts, area, point, derogation }) => ({
    name: 'generated',
    ...Object.fromEntries(facts.map((fact) => [fact, true])),
    ...(area ? { area } : {}),
    ...(point ? { point } : {}),
    ...(derogation ? { derogation } : {}),
  }))

describe('classifyTier', () => {
  it('gives the same tier as classify, over generated use cases', () => {
    const classifier = thePlaybook().classifier
    if (!classifier) throw new Error('the default playbook has a classifier')
    fc.assert(
      fc.property(aUseCase, (useCase) => {
        expect(classifyTier(useCase, classifier)).toBe(classify(useCase, classifier).tier)
      }),
      { numRuns: 2000 },
    )
  })
})
