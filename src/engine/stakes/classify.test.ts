import { describe, expect, it } from 'vitest'
import type { ClassifiedUseCase } from './classifier-schema.js'
import type { Classification } from '../types.js'
import { aUseCase, theClassifier } from '../../../test/stakes-builders.js'
import { classify, tierToStakes } from './classify.js'

type Facts = Omit<ClassifiedUseCase, 'name'>

const classified = (facts: Facts): Classification => classify(aUseCase(facts), theClassifier())
const refs = (facts: Facts): readonly string[] => classified(facts).basis.map((b) => b.ref)
const obligationRefs = (facts: Facts): readonly string[] =>
  classified(facts).obligations.map((line) => line.slice(0, line.indexOf(':')))

describe('classify: Art. 5(1) prohibited practices', () => {
  it.each<[string, Facts, string]>([
    ['(a) manipulative techniques', { manipulative: true }, 'Art. 5(1)(a)'],
    ['(b) exploiting vulnerabilities', { exploitsVulnerabilities: true }, 'Art. 5(1)(b)'],
    ['(c) social scoring', { socialScoring: true }, 'Art. 5(1)(c)'],
    ['(d) crime prediction by profiling', { crimePredictionByProfiling: true }, 'Art. 5(1)(d)'],
    ['(e) untargeted face scraping', { untargetedFaceScraping: true }, 'Art. 5(1)(e)'],
    [
      '(f) emotion recognition at work',
      { emotionRecognition: true, workplaceOrEducation: true },
      'Art. 5(1)(f)',
    ],
    [
      '(g) biometric categorisation by sensitive attributes',
      { biometricCategorisation: true, sensitiveAttributes: true },
      'Art. 5(1)(g)',
    ],
    [
      '(h) real-time remote biometric identification for law enforcement',
      { area: 'biometrics', realTime: true, publicSpace: true, lawEnforcement: true },
      'Art. 5(1)(h)',
    ],
  ])('classifies %s as prohibited under that letter', (_name, facts, ref) => {
    expect(classified(facts)).toMatchObject({ tier: 'prohibited', transparency: [] })
    expect(refs(facts)).toEqual([ref])
  })

  it.each(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])(
    'classifies point 5-1-%s as prohibited under that letter',
    (letter) => {
      expect(classified({ point: `5-1-${letter}` })).toMatchObject({ tier: 'prohibited' })
      expect(refs({ point: `5-1-${letter}` })).toEqual([`Art. 5(1)(${letter})`])
    },
  )

  it('classifies the area "prohibited" without a letter under Art. 5(1)', () => {
    expect(classified({ area: 'prohibited' }).tier).toBe('prohibited')
    expect(refs({ area: 'prohibited' })).toEqual(['Art. 5(1)'])
  })

  it('requires ceasing a prohibited practice and drops transparency duties it would carry', () => {
    const result = classified({ socialScoring: true, interactsWithPeople: true })
    expect(result.transparency).toEqual([])
    expect(obligationRefs({ socialScoring: true })).toEqual(['Art. 5(1)'])
  })
})

describe('classify: the exceptions', () => {
  it('does not prohibit emotion recognition at work for medical or safety reasons (Art. 5(1)(f))', () => {
    const facts: Facts = {
      emotionRecognition: true,
      workplaceOrEducation: true,
      medicalOrSafety: true,
    }
    expect(classified(facts)).toMatchObject({ tier: 'high', transparency: ['Art. 50(3)'] })
    expect(refs(facts)).toEqual(['Art. 5(1)(f)', 'Annex III 1(c)', 'Art. 6(2)', 'Art. 50(3)'])
  })

  it('prohibits real-time remote biometric identification in public for law enforcement', () => {
    const facts: Facts = { point: '1a', realTime: true, publicSpace: true, lawEnforcement: true }
    expect(classified(facts).tier).toBe('prohibited')
    expect(refs(facts)).toEqual(['Art. 5(1)(h)'])
  })

  it('makes the same identification for another purpose high-risk under Annex III 1(a), not prohibited', () => {
    const facts: Facts = { area: 'biometrics', realTime: true, publicSpace: true }
    expect(classified(facts).tier).toBe('high')
    expect(refs(facts)).toEqual(['Art. 5(1)(h)', 'Annex III 1(a)', 'Art. 6(2)'])
  })

  it.each<[string, Facts]>([
    ['area biometrics', { area: 'biometrics', verificationOnly: true }],
    ['point 1a', { point: '1a', verificationOnly: true }],
  ])('keeps biometric verification out of Annex III 1(a) (%s)', (_name, facts) => {
    expect(classified(facts).tier).toBe('minimal')
    expect(refs(facts)).toEqual(['Annex III 1(a)', 'Art. 6'])
  })

  it('does not prohibit verification even for law enforcement in real time in public', () => {
    const facts: Facts = {
      area: 'biometrics',
      verificationOnly: true,
      realTime: true,
      publicSpace: true,
      lawEnforcement: true,
    }
    expect(classified(facts).tier).toBe('minimal')
  })

  it.each<[string, Facts]>([
    ['point 5b', { point: '5b', fraudDetection: true }],
    ['area essential-services', { area: 'essential-services', fraudDetection: true }],
  ])('keeps financial fraud detection out of Annex III 5(b) (%s)', (_name, facts) => {
    expect(classified(facts).tier).toBe('minimal')
    expect(refs(facts)).toEqual(['Annex III 5(b)', 'Art. 6'])
  })

  it('keeps the verification of travel documents out of Annex III 7(d)', () => {
    expect(refs({ point: '7d', verificationOnly: true })).toEqual(['Annex III 7(d)', 'Art. 6'])
  })

  it('lets law-enforcement biometric categorisation out of Art. 5(1)(g) and into Annex III 1(b)', () => {
    const facts: Facts = {
      biometricCategorisation: true,
      sensitiveAttributes: true,
      lawEnforcement: true,
    }
    expect(classified(facts).tier).toBe('high')
    expect(refs(facts)).toEqual(['Art. 5(1)(g)', 'Annex III 1(b)', 'Art. 6(2)', 'Art. 50(3)'])
  })
})

describe('classify: the Art. 6(3) derogation', () => {
  it.each([
    ['narrow-procedural', 'Art. 6(3)(a)'],
    ['improves-human-work', 'Art. 6(3)(b)'],
    ['pattern-detection', 'Art. 6(3)(c)'],
    ['preparatory', 'Art. 6(3)(d)'],
  ] as const)('takes a %s system without profiling out of high-risk', (derogation, ref) => {
    const facts: Facts = { point: '4a', derogation }
    expect(classified(facts).tier).toBe('minimal')
    expect(refs(facts)).toEqual(['Annex III 4(a)', ref, 'Art. 6(3)'])
  })

  it('asks the provider to document and register the derogation', () => {
    expect(obligationRefs({ point: '4a', derogation: 'preparatory', role: 'provider' })).toEqual([
      'Art. 4',
      'Art. 6(4) (provider)',
      'Art. 49(2) (provider)',
    ])
  })

  it('keeps a profiling system high-risk whatever derogation is claimed', () => {
    const facts: Facts = { point: '4a', derogation: 'preparatory', profiling: true }
    expect(classified(facts).tier).toBe('high')
    expect(refs(facts)).toEqual(['Annex III 4(a)', 'Art. 6(3)(d)', 'Art. 6(3)', 'Art. 6(2)'])
  })

  it('does not apply to Annex I safety components', () => {
    expect(refs({ productSafetyComponent: true, derogation: 'narrow-procedural' })).toEqual([
      'Art. 6(1)',
    ])
  })
})

describe('classify: Annex I and Annex III', () => {
  it.each<[string, Facts]>([
    ['the productSafetyComponent fact', { productSafetyComponent: true }],
    ['the area safety-component', { area: 'safety-component' }],
  ])('classifies a safety component of a regulated product as high-risk (%s)', (_name, facts) => {
    expect(classified(facts).tier).toBe('high')
    expect(refs(facts)).toEqual(['Art. 6(1)'])
  })

  it.each([
    ['1a', ['Annex III 1(a)', 'Art. 6(2)']],
    ['1b', ['Annex III 1(b)', 'Art. 6(2)', 'Art. 50(3)']],
    ['1c', ['Annex III 1(c)', 'Art. 6(2)', 'Art. 50(3)']],
    ['2', ['Annex III 2', 'Art. 6(2)']],
    ['3a', ['Annex III 3(a)', 'Art. 6(2)']],
    ['3b', ['Annex III 3(b)', 'Art. 6(2)']],
    ['3c', ['Annex III 3(c)', 'Art. 6(2)']],
    ['3d', ['Annex III 3(d)', 'Art. 6(2)']],
    ['4a', ['Annex III 4(a)', 'Art. 6(2)']],
    ['4b', ['Annex III 4(b)', 'Art. 6(2)']],
    ['5a', ['Annex III 5(a)', 'Art. 6(2)']],
    ['5b', ['Annex III 5(b)', 'Art. 6(2)']],
    ['5c', ['Annex III 5(c)', 'Art. 6(2)']],
    ['5d', ['Annex III 5(d)', 'Art. 6(2)']],
    ['6a', ['Annex III 6(a)', 'Art. 6(2)']],
    ['6b', ['Annex III 6(b)', 'Art. 6(2)']],
    ['6c', ['Annex III 6(c)', 'Art. 6(2)']],
    ['6d', ['Annex III 6(d)', 'Art. 6(2)']],
    ['6e', ['Annex III 6(e)', 'Art. 6(2)']],
    ['7a', ['Annex III 7(a)', 'Art. 6(2)']],
    ['7b', ['Annex III 7(b)', 'Art. 6(2)']],
    ['7c', ['Annex III 7(c)', 'Art. 6(2)']],
    ['7d', ['Annex III 7(d)', 'Art. 6(2)']],
    ['8a', ['Annex III 8(a)', 'Art. 6(2)']],
    ['8b', ['Annex III 8(b)', 'Art. 6(2)']],
  ])('classifies point %s as high-risk with the basis %j', (point, basis) => {
    expect(classified({ point }).tier).toBe('high')
    expect(refs({ point })).toEqual(basis)
  })

  it.each([
    ['1b', ['Art. 50(3)']],
    ['1c', ['Art. 50(3)']],
    ['1a', []],
  ])('gives point %s the transparency duties %j', (point, transparency) => {
    expect(classified({ point }).transparency).toEqual(transparency)
  })

  it.each([
    ['biometrics', 'Annex III 1'],
    ['critical-infrastructure', 'Annex III 2'],
    ['education', 'Annex III 3'],
    ['employment', 'Annex III 4'],
    ['law-enforcement', 'Annex III 6'],
    ['migration-border', 'Annex III 7'],
    ['justice-democracy', 'Annex III 8'],
  ] as const)('classifies the area %s with no facts as high-risk under %s', (area, ref) => {
    expect(classified({ area }).tier).toBe('high')
    expect(refs({ area })).toEqual([ref, 'Art. 6(2)'])
  })

  it('refines the area law-enforcement with profiling to Annex III 6(e)', () => {
    expect(refs({ area: 'law-enforcement', profiling: true })).toEqual([
      'Annex III 6(e)',
      'Art. 6(2)',
    ])
  })

  it('lets a stated point win over the area', () => {
    expect(refs({ area: 'employment', point: '3b' })).toEqual(['Annex III 3(b)', 'Art. 6(2)'])
  })

  it('lists the provider obligations of a high-risk Annex III system', () => {
    expect(obligationRefs({ point: '5b', role: 'provider' })).toEqual([
      'Art. 4',
      'Art. 9 (provider)',
      'Art. 10 (provider)',
      'Art. 11 (provider)',
      'Art. 12 (provider)',
      'Art. 13 (provider)',
      'Art. 14 (provider)',
      'Art. 15 (provider)',
      'Art. 17 (provider)',
      'Art. 43 (provider)',
      'Art. 49(1) (provider)',
      'Art. 72 (provider)',
      'Art. 73 (provider)',
    ])
  })

  it('lists the deployer obligations of a high-risk Annex III system, FRIA included', () => {
    expect(obligationRefs({ point: '5b', role: 'deployer' })).toEqual([
      'Art. 4',
      'Art. 26 (deployer)',
      'Art. 27 (deployer)',
    ])
  })

  it.each([
    [
      '5b',
      'Art. 27 (deployer): Before first use, carry out a fundamental rights impact assessment: Art. 27 requires it of every deployer of an Annex III 5(b) or 5(c) system.',
    ],
    [
      '5c',
      'Art. 27 (deployer): Before first use, carry out a fundamental rights impact assessment: Art. 27 requires it of every deployer of an Annex III 5(b) or 5(c) system.',
    ],
    [
      '4a',
      'Art. 27 (deployer): Before first use, carry out a fundamental rights impact assessment if you are a body governed by public law or a private entity providing public services.',
    ],
  ])(
    'states the fundamental rights impact assessment of point %s as Art. 27 puts it',
    (point, fria) => {
      expect(classified({ point, role: 'deployer' }).obligations).toContain(fria)
    },
  )

  it.each<[string, Facts]>([
    ['point 2', { point: '2' }],
    ['the area critical-infrastructure', { area: 'critical-infrastructure' }],
  ])('registers critical infrastructure nationally and asks no FRIA (%s)', (_name, facts) => {
    const lines = obligationRefs(facts)
    expect(lines).toContain('Art. 49(5) (provider)')
    expect(
      lines.filter((ref) => ref.startsWith('Art. 49(1)') || ref.startsWith('Art. 27')),
    ).toEqual([])
  })

  it('keeps the derogation open for credit scoring without profiling', () => {
    expect(refs({ point: '5b', derogation: 'preparatory' })).toEqual([
      'Annex III 5(b)',
      'Art. 6(3)(d)',
      'Art. 6(3)',
    ])
  })

  it('lists both roles when the role is not stated', () => {
    expect(obligationRefs({ productSafetyComponent: true })).toContain('Art. 43(3) (provider)')
    expect(obligationRefs({ productSafetyComponent: true })).toContain('Art. 26 (deployer)')
  })
})

describe('classify: Art. 50 transparency duties', () => {
  it.each<[string, Facts, string]>([
    ['interacting with people', { interactsWithPeople: true }, 'Art. 50(1)'],
    ['generating synthetic content', { syntheticContent: true }, 'Art. 50(2)'],
    ['deep fakes', { deepfake: true }, 'Art. 50(4)'],
    ['the area transparency with no fact', { area: 'transparency' }, 'Art. 50'],
  ])('gives %s the tier limited with its duty', (_name, facts, duty) => {
    expect(classified(facts)).toMatchObject({ tier: 'limited', transparency: [duty] })
    expect(refs(facts)).toEqual(['Art. 6', duty])
  })

  it('keeps emotion recognition high-risk and adds its Art. 50(3) duty', () => {
    expect(classified({ emotionRecognition: true })).toMatchObject({
      tier: 'high',
      transparency: ['Art. 50(3)'],
    })
    expect(refs({ emotionRecognition: true })).toEqual([
      'Annex III 1(c)',
      'Art. 6(2)',
      'Art. 50(3)',
    ])
  })

  it('lists every duty that holds, in article order', () => {
    const facts: Facts = { interactsWithPeople: true, syntheticContent: true, deepfake: true }
    expect(classified(facts).transparency).toEqual(['Art. 50(1)', 'Art. 50(2)', 'Art. 50(4)'])
  })

  it('names the duty of a transparency use case from its facts instead of the bare area', () => {
    expect(classified({ area: 'transparency', interactsWithPeople: true }).transparency).toEqual([
      'Art. 50(1)',
    ])
  })

  it('puts the duty on the role the article names', () => {
    expect(obligationRefs({ interactsWithPeople: true, role: 'provider' })).toEqual([
      'Art. 4',
      'Art. 50(1) (provider)',
    ])
    expect(obligationRefs({ deepfake: true, role: 'deployer' })).toEqual([
      'Art. 4',
      'Art. 50(4) (deployer)',
    ])
  })
})

describe('classify: defaults', () => {
  it('classifies a use case with no area and no facts as minimal', () => {
    expect(classified({})).toEqual({
      tier: 'minimal',
      transparency: [],
      basis: [
        {
          ref: 'Art. 6',
          summary:
            'Neither a prohibited practice (Art. 5) nor high-risk (Art. 6 with Annex I or Annex III) on the facts given.',
        },
      ],
      obligations: [
        'Art. 4: Ensure a sufficient level of AI literacy of the staff and other persons operating or using the system on your behalf.',
      ],
      milestones: [
        {
          id: 'prohibitions',
          date: '2025-02-02',
          ref: 'Art. 113(a)',
          summary:
            'Chapters I and II apply, including AI literacy (Art. 4) and the prohibited practices (Art. 5).',
          source: 'Regulation (EU) 2024/1689, Art. 113(a)',
          status: 'in-force',
        },
        {
          id: 'omnibus-ai-literacy',
          date: '2026-12-02',
          ref: 'Regulation (EU) 2026/1744, Art. 4',
          summary: 'The AI literacy duty of Art. 4 is softened.',
          source:
            'Consolidated text showing Regulation (EU) 2026/1744 (Digital Omnibus on AI); date to confirm',
          status: 'to-confirm',
        },
      ],
      warnings: [
        'As of 2026-12-07, changes dated 2026-12-02 are still to confirm and are not applied here: Two new prohibited practices are added to Art. 5 (Regulation (EU) 2026/1744, Art. 5); The AI literacy duty of Art. 4 is softened (Regulation (EU) 2026/1744, Art. 4); Registering a system that relies on the Art. 6(3) derogation (Art. 49(2)) is softened (Regulation (EU) 2026/1744, Art. 49(2)). Have counsel check them.',
      ],
      asOf: '2026-12-07',
    })
  })
})

describe('tierToStakes', () => {
  it.each([
    ['minimal', 'normal'],
    ['limited', 'elevated'],
    ['high', 'high'],
    ['prohibited', 'prohibited'],
  ] as const)('maps the tier %s to the stakes %s', (tier, stakes) => {
    expect(tierToStakes(tier)).toBe(stakes)
  })
})
