import { describe, expect, it } from 'vitest'
import { crossFieldProblems } from './cross-field-problems.js'

describe('crossFieldProblems', () => {
  it('says at once that engineers exceed employees, with the rest of the profile missing', () => {
    expect(crossFieldProblems({ employees: 45, engineers: 60 })).toEqual([
      {
        code: 'custom',
        path: ['engineers'],
        message: 'engineers (60) must not exceed employees (45)',
      },
    ])
  })

  it('finds nothing while one side is missing or not a number', () => {
    expect(crossFieldProblems({ engineers: 60 })).toEqual([])
    expect(crossFieldProblems({ employees: Number.NaN, engineers: 60 })).toEqual([])
    expect(crossFieldProblems(null)).toEqual([])
  })

  it('checks growth steps: ascending dates, and engineers within the people of that step', () => {
    const issues = crossFieldProblems({
      employees: 20,
      engineers: 5,
      growth: [
        { at: '2027-Q2', employees: 40 },
        { at: '2027-03', engineers: 50 },
      ],
    })
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'growth.1.at',
        'growth dates must be ascending; "2027-03" does not come after the previous step',
      ],
      ['growth.1.engineers', 'engineers (50) must not exceed employees (40) at that step'],
    ])
  })
})
