import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClassifiedUseCase } from './classifier-schema.js'
import { aUseCase, theClassifier } from '../../../test/stakes-builders.js'
import { AI_ACT_TIERS, DEROGATIONS, USE_CASE_AREAS, USE_CASE_ROLES, rank } from '../vocabulary.js'
import { BOOLEAN_FACTS } from './classifier-schema.js'
import { classify } from './classify.js'

const POINTS = [
  ...['1', '1a', '1b', '1c', '2', '3', '3a', '3b', '3c', '3d', '4', '4a', '4b', '5', '5a', '5b'],
  ...['5c', '5d', '6', '6a', '6b', '6c', '6d', '6e', '7', '7a', '7b', '7c', '7d', '8', '8a', '8b'],
  ...['5-1-a', '5-1-b', '5-1-c', '5-1-d', '5-1-e', '5-1-f', '5-1-g', '5-1-h'],
]

const anyUseCase: fc.Arbitrary<ClassifiedUseCase> = fc
  .record(
    {
      area: fc.constantFrom(...USE_CASE_AREAS),
      point: fc.constantFrom(...POINTS),
      role: fc.constantFrom(...USE_CASE_ROLES),
      derogation: fc.constantFrom(...DEROGATIONS),
      ...Object.fromEntries(BOOLEAN_FACTS.map((fact) => [fact, fc.boolean()])),
    },
    { requiredKeys: [] },
  )
  .map((facts) => aUseCase(facts as Omit<ClassifiedUseCase, 'name'>))

type Change = (useCase: ClassifiedUseCase) => ClassifiedUseCase | null

const set =
  (...facts: (keyof ClassifiedUseCase)[]): Change =>
  (useCase) => ({ ...useCase, ...Object.fromEntries(facts.map((fact) => [fact, true])) })

const remove =
  (fact: keyof ClassifiedUseCase): Change =>
  (useCase) => {
    const copy = { ...useCase }
    delete copy[fact]
    return copy
  }

// Changes that can only raise the risk. Not listed, because each opens an exception of the Act:
// setting fraudDetection (Annex III 5(b)), medicalOrSafety (Art. 5(1)(f)), verificationOnly
// (Annex III 1(a), 7(d)), a derogation (Art. 6(3)), or lawEnforcement alone (Art. 5(1)(g)).
const RAISING: readonly (readonly [string, Change])[] = [
  ['set profiling', set('profiling')],
  ['set socialScoring', set('socialScoring')],
  ['set manipulative', set('manipulative')],
  ['set exploitsVulnerabilities', set('exploitsVulnerabilities')],
  ['set untargetedFaceScraping', set('untargetedFaceScraping')],
  ['set crimePredictionByProfiling', set('crimePredictionByProfiling')],
  ['set productSafetyComponent', set('productSafetyComponent')],
  ['set emotionRecognition', set('emotionRecognition')],
  ['set workplaceOrEducation', set('workplaceOrEducation')],
  ['set biometricCategorisation', set('biometricCategorisation')],
  ['set sensitiveAttributes', set('sensitiveAttributes')],
  ['set realTime', set('realTime')],
  ['set publicSpace', set('publicSpace')],
  ['set interactsWithPeople', set('interactsWithPeople')],
  ['set syntheticContent', set('syntheticContent')],
  ['set deepfake', set('deepfake')],
  [
    // Law enforcement also lifts Art. 5(1)(g) for categorisation by sensitive attributes, so the
    // triple only raises risk where that prohibition is not already in play.
    'set lawEnforcement, realTime and publicSpace',
    (useCase) =>
      useCase.biometricCategorisation && useCase.sensitiveAttributes
        ? null
        : set('lawEnforcement', 'realTime', 'publicSpace')(useCase),
  ],
  ['remove the derogation', remove('derogation')],
  ['remove fraudDetection', remove('fraudDetection')],
  ['remove medicalOrSafety', remove('medicalOrSafety')],
  ['remove verificationOnly', remove('verificationOnly')],
]

describe('classify (property)', () => {
  it.each(RAISING)('never lowers the tier when you %s', (_name, change) => {
    const classifier = theClassifier()
    fc.assert(
      fc.property(anyUseCase, (useCase) => {
        const changed = change(useCase)
        if (changed === null) return
        const before = rank(AI_ACT_TIERS, classify(useCase, classifier).tier)
        const after = rank(AI_ACT_TIERS, classify(changed, classifier).tier)
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      { numRuns: 400 },
    )
  })

  it('cites at least one article for every classification', () => {
    const classifier = theClassifier()
    fc.assert(
      fc.property(anyUseCase, (useCase) => {
        expect(classify(useCase, classifier).basis.length).toBeGreaterThan(0)
      }),
    )
  })
})
