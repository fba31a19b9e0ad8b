import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput } from '../../../test/engine-arbitraries.js'
import { aProfile, thePlaybook } from '../../../test/engine-builders.js'
import { assess } from '../assess.js'
import { validateProfile } from '../validate-profile.js'
import { sizeSeat } from './size-seats.js'
import { STAKES_LEVELS, REACH_LEVELS } from '../vocabulary.js'

const playbook = thePlaybook()

function sizingOf(overrides: Parameters<typeof aProfile>[0]) {
  const sizing = assess(aProfile(overrides), playbook).sizing
  if (!sizing) throw new Error('the default playbook sizes seats')
  return sizing
}

const functions = {
  narrow: [],
  moderate: ['sales', 'operations'],
  broad: ['sales', 'operations', 'finance'],
} as const

describe('sizing of the recommended seats', () => {
  it.each([
    // structure, profile, expected seats as title/engagement/days
    [
      'unified-fractional',
      { employees: 10, engineers: 4, ai: { centrality: 'important', functions: [] } },
      [['CTO/CAIO', 'fractional', 2]],
    ],
    [
      'unified-full-time',
      { employees: 10, engineers: 4, ai: { centrality: 'core', functions: [] } },
      [['CTO/CAIO', 'full-time', 5]],
    ],
    [
      'separate-fractional',
      {
        employees: 20,
        engineers: 8,
        industry: 'healthcare',
        ai: { centrality: 'important', functions: [...functions.broad] },
      },
      [
        ['CTO', 'fractional', 1.5],
        ['CAIO', 'fractional', 3.5],
      ],
    ],
    [
      'cto-plus-fractional-caio',
      {
        employees: 60,
        engineers: 20,
        ai: { centrality: 'important', functions: [...functions.moderate] },
      },
      [
        ['CTO', 'full-time', 5],
        ['CAIO', 'fractional', 2],
      ],
    ],
    [
      'cto-owns-ai',
      { employees: 60, engineers: 20, ai: { centrality: 'peripheral', functions: [] } },
      [['CTO', 'full-time', 5]],
    ],
    [
      'separate-full-time',
      {
        employees: 200,
        engineers: 60,
        products: 3,
        industry: 'financial-services',
        ai: { centrality: 'core', functions: [...functions.broad] },
        budget: { fullTimeLeaders: 2 },
      },
      [
        ['CTO', 'full-time', 5],
        ['CAIO', 'full-time', 5],
      ],
    ],
  ] as const)('sizes %s', (structure, overrides, expected) => {
    const assessment = assess(aProfile(overrides as never), playbook)
    expect(assessment.recommendation.structure).toBe(structure)
    expect(assessment.sizing?.seats.map((s) => [s.title, s.engagement, s.daysPerWeek])).toEqual(
      expected,
    )
  })

  it.each([
    ['narrow', 1.5],
    ['moderate', 2],
    ['broad', 2.5],
  ] as const)('gives a fractional CAIO with %s reach %d days a week', (reach, days) => {
    const sizing = sizingOf({
      employees: 60,
      engineers: 20,
      ai: { centrality: 'important', functions: [...functions[reach]] },
    })
    expect(sizing.seats.find((s) => s.title === 'CAIO')?.daysPerWeek).toBe(days)
  })

  it.each([
    ['normal', 2],
    ['elevated', 2.5],
    ['high', 3],
  ] as const)('gives a fractional CAIO at %s stakes %d days a week', (stakes, days) => {
    const sizing = sizingOf({
      employees: 60,
      engineers: 20,
      ai: { centrality: 'important', functions: [...functions.moderate], stakes },
    })
    expect(sizing.seats.find((s) => s.title === 'CAIO')?.daysPerWeek).toBe(days)
  })

  it('adds days to the technology seat by complexity, and says why', () => {
    const sizing = sizingOf({
      employees: 28,
      engineers: 26,
      products: 2,
      ai: { centrality: 'important', functions: [] },
    })
    const cto = sizing.seats.find((s) => s.title === 'CTO')
    expect(cto?.daysPerWeek).toBe(2.5)
    expect(cto?.why).toEqual([
      'A fractional CTO starts at 1.5 days a week.',
      '+1 day: Several products and 25+ engineers: more time on architecture and the engineering organization.',
    ])
  })

  it('caps a fractional seat at the playbook maximum', () => {
    const hiring = { ...playbook.hiring!, maxFractionalDaysPerWeek: 3 }
    const questions = assess(
      aProfile({
        employees: 20,
        engineers: 8,
        industry: 'healthcare',
        ai: { centrality: 'core', functions: [...functions.broad] },
        budget: { fullTimeLeaders: 0 },
      }),
      playbook,
    ).questions
    const caio = sizeSeat({ title: 'CAIO', engagement: 'fractional' }, questions, hiring)
    expect(caio.daysPerWeek).toBe(3)
    expect(caio.why.at(-1)).toBe(
      'Capped at 3 days: beyond that a fractional seat becomes a full-time one.',
    )
  })

  it('labels its figures as the playbook’s assumptions', () => {
    expect(sizingOf({}).note).toContain('not figures from the article')
  })
})

describe('the AI function’s days a week', () => {
  const raise = <T extends string>(levels: readonly T[], level: T | undefined): T | undefined => {
    if (level === undefined) return undefined
    return levels[Math.min(levels.indexOf(level) + 1, levels.length - 1)]
  }

  it('never drop when reach or stakes rise, all else equal', () => {
    fc.assert(
      fc.property(aProfileInput, fc.boolean(), (input, raiseReach) => {
        const before = validateProfile(input)
        if (!before.ok) return
        const ai = before.value.ai
        const a = assess(before.value, playbook)
        const stakes = a.questions.find((q) => q.id === 'failure-stakes')?.level as
          (typeof STAKES_LEVELS)[number] | undefined
        const higher = raiseReach
          ? {
              ...input,
              ai: {
                ...input.ai,
                functions: [
                  ...new Set([...ai.functions, 'sales', 'operations', 'finance'] as const),
                ].slice(0, Math.max(ai.functions.length + 1, 2)),
              },
            }
          : {
              ...input,
              ai: { ...input.ai, stakes: raise(STAKES_LEVELS, stakes) },
            }
        const after = validateProfile(higher)
        if (!after.ok) return
        const b = assess(after.value, playbook).sizing
        expect(b?.aiDaysPerWeek).toBeGreaterThanOrEqual(a.sizing?.aiDaysPerWeek ?? 0)
      }),
      { numRuns: 300 },
    )
  })

  it('is a unified seat’s AI share', () => {
    expect(sizingOf({ ai: { centrality: 'important', functions: [] } }).aiDaysPerWeek).toBe(1)
  })

  it('is the CTO’s allowance when the CTO owns AI', () => {
    expect(sizingOf({ employees: 60, engineers: 20 }).aiDaysPerWeek).toBe(0.5)
  })

  it('keeps REACH_LEVELS in the order the adjustments assume', () => {
    expect(REACH_LEVELS).toEqual(['narrow', 'moderate', 'broad'])
  })
})
