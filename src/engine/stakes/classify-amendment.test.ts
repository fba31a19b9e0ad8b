import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ClassifiedUseCase } from './classifier-schema.js'
import type { Classification } from '../types.js'
import { repoPath } from '../../../test/engine-builders.js'
import { aUseCase, theClassifier } from '../../../test/stakes-builders.js'
import { useCaseSchema } from '../profile-schema.js'
import { classify } from './classify.js'

// The corrections of stakes.md's 2026-12 amendment, one block each.

type Facts = Omit<ClassifiedUseCase, 'name'>

const classified = (facts: Facts, asOf?: string): Classification =>
  classify(aUseCase(facts), theClassifier(), asOf)
const refs = (facts: Facts): readonly string[] => classified(facts).basis.map((b) => b.ref)
const question = (id: string) => {
  const node = theClassifier().nodes.get(id)
  if (node?.kind !== 'question') throw new Error(`no question ${id}`)
  return node
}

describe('Annex III 5: four points, never a bare "Annex III 5"', () => {
  it.each([
    ['5a', ['Annex III 5(a)', 'Art. 6(2)']],
    ['5b', ['Annex III 5(b)', 'Art. 6(2)']],
    ['5c', ['Annex III 5(c)', 'Art. 6(2)']],
    ['5d', ['Annex III 5(d)', 'Art. 6(2)']],
  ] as const)('classifies essential-services with point %s under that point', (point, basis) => {
    expect(classified({ area: 'essential-services', point }).tier).toBe('high')
    expect(refs({ area: 'essential-services', point })).toEqual(basis)
  })

  it('says 5(c) is life and health insurance only, in its label and its citation', () => {
    const point = question('area-essential-services-point')
    const c = point.answers.find((a) => a.value === '5c')
    expect(c?.label).toBe('Annex III 5(c) risk assessment and pricing in life and health insurance')
    expect(c?.cite?.summary).toContain('life and health insurance')
    expect(point.help).toContain('motor, property or travel insurance is not 5(c)')
  })

  it('classifies "none of them" (motor insurance pricing) as not high-risk under Annex III 5', () => {
    const result = classified({ area: 'essential-services', point: 'none' })
    expect(result.tier).toBe('minimal')
    expect(result.basis.map((b) => b.ref)).toEqual(['Annex III 5', 'Art. 6'])
    expect(result.basis[0]?.summary).toBe(
      'None of points 5(a) to 5(d) applies: the use is not high-risk under Annex III 5 (5(c) covers life and health insurance only).',
    )
  })

  it.each([{}, { point: '5' }])(
    'asks which point applies when essential-services has none (%j), high-risk until stated',
    (extra) => {
      const result = classified({ area: 'essential-services', ...extra })
      expect(result.tier).toBe('high')
      expect(result.basis.map((b) => b.ref)).toEqual(['Annex III 5(a)–(d)'])
      expect(result.basis[0]?.summary).toContain('give point 5a, 5b, 5c or 5d, or "none"')
    },
  )

  it('never cites a bare "Annex III 5" as a high-risk basis, whatever the facts', () => {
    const points = [undefined, '5', '5a', '5b', '5c', '5d', 'none']
    for (const point of points) {
      for (const fraudDetection of [undefined, true]) {
        for (const derogation of [undefined, 'preparatory'] as const) {
          const facts: Facts = {
            area: 'essential-services',
            ...(point ? { point } : {}),
            ...(fraudDetection ? { fraudDetection } : {}),
            ...(derogation ? { derogation } : {}),
          }
          const result = classified(facts)
          const bare = result.basis.filter((b) => b.ref === 'Annex III 5')
          expect(bare.length === 0 || result.tier === 'minimal', JSON.stringify(facts)).toBe(true)
        }
      }
    }
  })

  it('asks the point again in a walk when it is not yet one of 5(a)-(d)', () => {
    expect(question('area-essential-services-point').insist).toBe(true)
  })
})

describe('Recital 18: physical states are not emotions', () => {
  it('does not give fatigue as an example of the medical-or-safety exception', () => {
    const exception = question('art-5-1-f-exception')
    expect(exception.ask).toBe(
      'Is it intended for medical or safety reasons (for example a therapeutic use)?',
    )
    expect(exception.help).toContain('Detecting fatigue or pain is not emotion recognition at all')
  })

  it.each(['art-5-1-f', 'annex-iii-emotion', 'art-50-3', 'art-50-area-emotion'])(
    'the emotion recognition question %s says that pain and fatigue are not emotions',
    (id) => {
      const help = question(id).help ?? ''
      expect(help).toContain(
        'Physical states such as pain or fatigue are not emotions (Recital 18)',
      )
      expect(question(id).ask).not.toMatch(/fatigue|pain/)
    },
  )
})

describe('the dates, as data', () => {
  it('holds each application date with its source and status', () => {
    const dates = theClassifier().dates.map((d) => [d.id, d.date, d.status, d.source !== ''])
    expect(dates).toEqual([
      ['entry-into-force', '2024-08-01', 'in-force', true],
      ['prohibitions', '2025-02-02', 'in-force', true],
      ['general-purpose-ai', '2025-08-02', 'in-force', true],
      ['general-application', '2026-08-02', 'in-force', true],
      ['omnibus-prohibitions', '2026-12-02', 'to-confirm', true],
      ['omnibus-ai-literacy', '2026-12-02', 'to-confirm', true],
      ['omnibus-registration', '2026-12-02', 'to-confirm', true],
      ['annex-i', '2027-08-02', 'in-force', true],
      ['omnibus-annex-iii', '2027-12-02', 'to-confirm', true],
      ['omnibus-annex-i', '2028-08-02', 'to-confirm', true],
    ])
  })

  it('names Chapter V, governance and penalties for 2 August 2025', () => {
    const gpai = theClassifier().dates.find((d) => d.id === 'general-purpose-ai')
    expect(gpai?.summary).toMatch(/Chapter V .*governance .*penalties/)
  })

  it.each([
    [
      'an Annex III system',
      { point: '4a' },
      ['2025-02-02', '2026-08-02', '2026-12-02', '2027-12-02'],
    ],
    [
      'an Annex I safety component',
      { productSafetyComponent: true },
      ['2025-02-02', '2026-12-02', '2027-08-02', '2028-08-02'],
    ],
    ['a prohibited practice', { socialScoring: true }, ['2025-02-02']],
    ['a chatbot', { interactsWithPeople: true }, ['2025-02-02', '2026-08-02', '2026-12-02']],
  ] as const)('gives %s its dated milestones', (_name, facts, dates) => {
    expect(classified(facts).milestones.map((m) => m.date)).toEqual(dates)
  })

  it('marks the omnibus milestones "to-confirm"', () => {
    const milestones = classified({ point: '4a' }).milestones
    expect(milestones.filter((m) => m.status === 'to-confirm').map((m) => m.id)).toEqual([
      'omnibus-ai-literacy',
      'omnibus-annex-iii',
    ])
  })
})

describe('warnings for "to confirm" dates already past', () => {
  it('warns of nothing before the first "to confirm" date', () => {
    expect(classified({}, '2026-12-01').warnings).toEqual([])
  })

  it('warns once per passed date, naming each change not applied', () => {
    const warnings = classified({}, '2027-12-02').warnings
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/^As of 2027-12-02, changes dated 2026-12-02 are still to confirm/)
    expect(warnings[0]).toContain('Two new prohibited practices are added to Art. 5')
    expect(warnings[1]).toContain('changes dated 2027-12-02')
    expect(warnings[1]).toContain('Annex III high-risk obligations apply from 2 December 2027')
  })

  it("warns at the classifier's own as-of date, which is past 2 December 2026", () => {
    const result = classified({})
    expect(result.asOf).toBe('2026-12-07')
    expect(result.warnings).toHaveLength(1)
  })
})

describe('general-purpose AI models (Chapter V)', () => {
  it('gives the provider of a general-purpose AI model the Art. 53 obligations from 2 August 2025', () => {
    const result = classified({ gpaiModel: true, role: 'provider' })
    expect(result.tier).toBe('minimal')
    expect(result.basis.map((b) => b.ref)).toEqual(['Art. 6', 'Art. 53'])
    expect(result.obligations.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'Art. 4',
      'Art. 53 (provider)',
    ])
    expect(result.milestones.find((m) => m.id === 'general-purpose-ai')?.date).toBe('2025-08-02')
  })

  it('adds Art. 55 for a model with systemic risk', () => {
    const result = classified({ gpaiModel: true, systemicRisk: true })
    expect(result.basis.map((b) => b.ref)).toEqual(['Art. 6', 'Art. 55'])
    expect(result.obligations.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'Art. 4',
      'Art. 53 (provider)',
      'Art. 55 (provider)',
    ])
  })

  it('keeps the model duties beside a high-risk tier', () => {
    const result = classified({ gpaiModel: true, point: '4a' })
    expect(result.tier).toBe('high')
    expect(result.basis.map((b) => b.ref)).toContain('Art. 53')
  })

  it('adds nothing for a use case that places no model on the market', () => {
    expect(refs({ systemicRisk: true })).toEqual(['Art. 6'])
  })
})

describe('point as a YAML number', () => {
  it('accepts point: 2 and reads it as "2"', () => {
    const parsed = useCaseSchema.parse({ name: 'Grid balancing', point: 2 })
    expect(parsed.point).toBe('2')
    expect(classify(parsed, theClassifier()).basis.map((b) => b.ref)).toEqual([
      'Annex III 2',
      'Art. 6(2)',
    ])
  })

  it('refuses a number that is no Annex III point', () => {
    expect(useCaseSchema.safeParse({ name: 'x', point: 9 }).success).toBe(false)
    expect(useCaseSchema.safeParse({ name: 'x', point: 2.5 }).success).toBe(false)
  })
})

// The golden file: one use case per correction, classified in full, byte for byte. Regenerate with
// `UPDATE_GOLDEN=1 npx vitest run src/engine/stakes` and review the diff.
const GOLDEN: readonly ClassifiedUseCase[] = [
  { name: 'Health insurance pricing', area: 'essential-services', point: '5c', role: 'provider' },
  { name: 'Motor insurance pricing', area: 'essential-services', point: 'none' },
  { name: 'Benefits triage, point not stated', area: 'essential-services' },
  { name: 'Driver fatigue alerts', medicalOrSafety: true, workplaceOrEducation: true },
  { name: 'Foundation model', gpaiModel: true, systemicRisk: true, role: 'provider' },
  { name: 'Grid balancing', point: '2', role: 'deployer' },
]

describe('classification golden file', () => {
  it('test/golden/classify-amendment.json matches', () => {
    const path = repoPath('test/golden/classify-amendment.json')
    const actual = `${JSON.stringify(
      GOLDEN.map((useCase) => ({ name: useCase.name, ...classify(useCase, theClassifier()) })),
      null,
      2,
    )}\n`
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual)
    if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1`)
    expect(actual).toBe(readFileSync(path, 'utf8'))
  })
})
