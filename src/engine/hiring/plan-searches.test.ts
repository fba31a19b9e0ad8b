import { describe, expect, it } from 'vitest'
import { anExample, thePlaybook } from '../../../test/engine-builders.js'
import { assess } from '../assess.js'
import { monthsBefore, searchesFor } from './plan-searches.js'

const playbook = thePlaybook()
const hiring = playbook.hiring!

describe('monthsBefore', () => {
  it.each([
    ['2027-Q4', 6, '2027-04'],
    ['2027-Q1', 1, '2026-12'],
    ['2027-03', 3, '2026-12'],
    ['2028-01', 0, '2028-01'],
    ['2027-Q2', 14, '2026-02'],
  ] as const)('counts %s back %d months to %s', (at, months, expected) => {
    expect(monthsBefore(at, months)).toBe(expected)
  })
})

describe('searchesFor', () => {
  it('starts a search for a new seat and for a seat that goes full-time, not for a kept one', () => {
    const searches = searchesFor(
      [
        { title: 'CTO', engagement: 'full-time' },
        { title: 'CAIO', engagement: 'fractional' },
      ],
      [
        { title: 'CTO', engagement: 'full-time' },
        { title: 'CAIO', engagement: 'full-time' },
      ],
      '2027-Q4',
      hiring,
    )
    expect(searches).toEqual([
      { title: 'CAIO', engagement: 'full-time', leadTimeMonths: 6, startBy: '2027-04' },
    ])
  })
})

describe('search dates on the roadmap', () => {
  it('puts startBy on each transition of the growth plan that adds or upgrades a seat', () => {
    const roadmap = assess(anExample('growth-plan.yaml'), playbook).roadmap
    expect(roadmap.map((p) => [p.at, p.structure, p.startBy])).toEqual([
      ['now', 'unified-fractional', null],
      ['2027-Q1', 'separate-fractional', '2026-12'],
      ['2027-Q4', 'cto-plus-fractional-caio', '2027-05'],
      ['2028-Q4', 'separate-full-time', '2028-04'],
    ])
    expect(roadmap[3]?.searches).toEqual([
      { title: 'CAIO', engagement: 'full-time', leadTimeMonths: 6, startBy: '2028-04' },
    ])
  })

  it('leads the sizing with the next search', () => {
    expect(assess(anExample('growth-plan.yaml'), playbook).sizing?.nextSearch).toEqual({
      title: 'CTO',
      engagement: 'fractional',
      leadTimeMonths: 1,
      startBy: '2026-12',
      at: '2027-Q1',
    })
  })
})
