import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { recommend } from './recommend.js'
import type { ProfileInput } from './profile-schema.js'

const FUNCTIONS_3 = ['sales', 'operations', 'finance'] as const

function structureOf(overrides: Partial<ProfileInput>) {
  const r = recommend(aProfile(overrides), thePlaybook())
  return { structure: r.structure, rule: r.rule.id, cap: r.cap?.id ?? null }
}

describe('the decision table (framework.md §4)', () => {
  it.each([
    // startup rules
    [
      'startup, stakes high by industry',
      { employees: 20, engineers: 5, industry: 'healthcare' },
      'separate-fractional',
      'startup-dedicated-ai',
      null,
    ],
    [
      'startup, complexity high',
      { employees: 29, engineers: 25, products: 2 },
      'separate-fractional',
      'startup-dedicated-ai',
      null,
    ],
    [
      'startup, broad reach and important AI',
      { ai: { centrality: 'important', functions: [...FUNCTIONS_3] } },
      'separate-fractional',
      'startup-dedicated-ai',
      null,
    ],
    [
      'startup, broad reach but peripheral AI',
      { ai: { centrality: 'peripheral', functions: [...FUNCTIONS_3] } },
      'unified-fractional',
      'startup-default',
      null,
    ],
    [
      'startup, AI core, budget one',
      { ai: { centrality: 'core' } },
      'unified-full-time',
      'startup-ai-core-funded',
      null,
    ],
    [
      'startup, AI core, budget two',
      { ai: { centrality: 'core' }, budget: { fullTimeLeaders: 3 } },
      'unified-full-time',
      'startup-ai-core-funded',
      null,
    ],
    [
      'startup, AI core, fractional budget',
      { ai: { centrality: 'core' }, budget: { fullTimeLeaders: 0 } },
      'unified-fractional',
      'startup-default',
      null,
    ],
    ['startup, default', {}, 'unified-fractional', 'startup-default', null],
    // midsize and large
    [
      'midsize, no AI demand',
      { employees: 50, engineers: 10 },
      'cto-owns-ai',
      'no-dedicated-ai',
      null,
    ],
    [
      'midsize, no AI demand, fractional budget',
      { employees: 50, engineers: 10, budget: { fullTimeLeaders: 0 } },
      'unified-fractional',
      'no-dedicated-ai',
      'cap-fractional-budget',
    ],
    [
      'midsize, AI important',
      { employees: 50, engineers: 10, ai: { centrality: 'important' } },
      'cto-plus-fractional-caio',
      'growth-default',
      null,
    ],
    [
      'midsize, AI important, fractional budget',
      {
        employees: 50,
        engineers: 10,
        ai: { centrality: 'important' },
        budget: { fullTimeLeaders: 0 },
      },
      'separate-fractional',
      'growth-default',
      'cap-fractional-budget',
    ],
    [
      'midsize, AI core, budget two (large rule needs size large)',
      {
        employees: 99,
        engineers: 40,
        products: 2,
        ai: { centrality: 'core' },
        budget: { fullTimeLeaders: 2 },
      },
      'cto-plus-fractional-caio',
      'growth-default',
      null,
    ],
    [
      'midsize, peripheral AI but complexity high',
      { employees: 60, engineers: 30, products: 2 },
      'cto-plus-fractional-caio',
      'growth-default',
      null,
    ],
    [
      'large, AI core, complex, budget two',
      {
        employees: 100,
        engineers: 40,
        products: 2,
        ai: { centrality: 'core' },
        budget: { fullTimeLeaders: 2 },
      },
      'separate-full-time',
      'large-ai-core',
      null,
    ],
    [
      'large, stakes high and AI important, budget two',
      {
        employees: 150,
        engineers: 30,
        products: 1,
        industry: 'insurance',
        ai: { centrality: 'important' },
        budget: { fullTimeLeaders: 2 },
      },
      'separate-full-time',
      'large-ai-core',
      null,
    ],
    [
      'large, AI core, complexity low',
      {
        employees: 150,
        engineers: 20,
        products: 1,
        ai: { centrality: 'core' },
        budget: { fullTimeLeaders: 2 },
      },
      'cto-plus-fractional-caio',
      'growth-default',
      null,
    ],
    [
      'large, AI core, complex, budget one',
      {
        employees: 150,
        engineers: 40,
        products: 2,
        ai: { centrality: 'core' },
        budget: { fullTimeLeaders: 1 },
      },
      'cto-plus-fractional-caio',
      'growth-default',
      null,
    ],
    [
      'large, AI core, complex, fractional budget',
      {
        employees: 150,
        engineers: 40,
        products: 2,
        ai: { centrality: 'core' },
        budget: { fullTimeLeaders: 0 },
      },
      'separate-fractional',
      'growth-default',
      'cap-fractional-budget',
    ],
    [
      'large, AI peripheral and narrow',
      { employees: 500, engineers: 20 },
      'cto-owns-ai',
      'no-dedicated-ai',
      null,
    ],
  ] as const)('%s', (_name, overrides, structure, rule, cap) => {
    expect(structureOf(overrides as Partial<ProfileInput>)).toEqual({ structure, rule, cap })
  })

  it.each([
    [29, 'unified-fractional'],
    [30, 'cto-plus-fractional-caio'],
    [99, 'cto-plus-fractional-caio'],
    [100, 'separate-full-time'],
  ] as const)(
    'at %d employees an AI-core company with two budgeted leaders gets %s',
    (employees, structure) => {
      const overrides = {
        employees,
        engineers: 25,
        products: 2,
        ai: { centrality: 'core' as const },
        budget: { fullTimeLeaders: 2 },
      }
      // Under 30 the complexity rule fires first: 25 engineers and 2 products is high complexity.
      const expected = employees === 29 ? 'separate-fractional' : structure
      expect(structureOf(overrides).structure).toBe(expected)
    },
  )

  it.each([
    [24, 'unified-fractional'],
    [25, 'separate-fractional'],
  ] as const)(
    'a 29-person startup with 2 products and %d engineers gets %s',
    (engineers, structure) => {
      expect(structureOf({ employees: 29, engineers, products: 2 }).structure).toBe(structure)
    },
  )

  it.each([
    [29, 'unified-fractional'],
    [30, 'cto-owns-ai'],
    [99, 'cto-owns-ai'],
    [100, 'cto-owns-ai'],
  ] as const)('at %d employees a peripheral-AI company gets %s', (employees, structure) => {
    expect(structureOf({ employees, engineers: 5 }).structure).toBe(structure)
  })
})
