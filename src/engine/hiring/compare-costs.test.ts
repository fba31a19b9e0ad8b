import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../../test/engine-builders.js'
import { assess } from '../assess.js'

const playbook = thePlaybook()

// A 60-person company with AI important in two functions: a full-time CTO and a fractional CAIO at
// 2 days a week; today a full-time CTO only.
const base = {
  name: 'Midsize',
  employees: 60,
  engineers: 20,
  ai: { centrality: 'important', functions: ['sales', 'operations'] },
  current: {
    seats: [{ title: 'CTO', engagement: 'full-time', ledTechOrg: true, shippedAiSystems: true }],
  },
} as const

describe('the cost comparison', () => {
  it('compares the recommendation, the full-time alternative and today, from the rates given', () => {
    const cost = assess(
      aProfile({
        ...base,
        rates: {
          currency: 'EUR',
          fractionalDayRate: { CAIO: 1500 },
          fullTimeAnnualCost: { CTO: 220000, CAIO: 240000 },
        },
      } as never),
      playbook,
    ).sizing?.cost
    expect(cost?.currency).toBe('EUR')
    // 1,500 a day × 2 days × 46 weeks = 138,000.
    expect(cost?.recommended.lines.map((l) => [l.title, l.engagement, l.yearly])).toEqual([
      ['CTO', 'full-time', 220000],
      ['CAIO', 'fractional', 138000],
    ])
    expect(cost?.recommended.yearly).toBe(358000)
    expect(cost?.fullTime?.yearly).toBe(460000)
    expect(cost?.today?.yearly).toBe(220000)
    expect(cost?.missing).toEqual([])
  })

  it('invents no rate: without rates it gives time only and names the figures that would give the cost', () => {
    const sizing = assess(aProfile(base as never), playbook).sizing
    expect(sizing?.seats.map((s) => s.daysPerWeek)).toEqual([5, 2])
    expect(sizing?.cost.currency).toBeNull()
    expect(sizing?.cost.recommended.yearly).toBeNull()
    expect(sizing?.cost.recommended.lines.map((l) => l.yearly)).toEqual([null, null])
    expect(sizing?.cost.missing).toEqual([
      'rates.fractionalDayRate.CAIO',
      'rates.fullTimeAnnualCost.CAIO',
      'rates.fullTimeAnnualCost.CTO',
    ])
  })

  it('leaves out the full-time alternative when every seat is full-time already', () => {
    const cost = assess(aProfile({ employees: 60, engineers: 20 }), playbook).sizing?.cost
    expect(cost?.fullTime).toBeNull()
    expect(cost?.today).toBeNull()
  })

  it('refuses a currency that is not a three-letter code, naming the field', () => {
    expect(() => aProfile({ ...base, rates: { currency: 'euro' } } as never)).toThrow(
      /rates.*currency|currency/,
    )
  })
})
