import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayFromEpoch, daysBetween, epochDay, isDay, isInstant } from './dates.js'

describe('dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-12-07', 20_794],
    ['2024-02-29', 19_782],
    ['1969-12-31', -1],
  ])('counts %s as day %i since 1970', (day, n) => {
    expect(epochDay(day)).toBe(n)
    expect(dayFromEpoch(n)).toBe(day)
  })

  it('agrees with Date for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10)
        expect(dayFromEpoch(n)).toBe(viaDate)
        expect(epochDay(viaDate)).toBe(n)
      }),
    )
  })

  it('adds and counts days across months and leap years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(daysBetween('2026-03-01', '2026-05-30')).toBe(90)
    expect(daysBetween('2026-03-01T23:59:00Z', '2026-03-02')).toBe(1)
  })

  it('accepts real days and date-times only', () => {
    expect(['2026-02-28', '2026-02-29', '2026-13-01', '26-01-01'].map(isDay)).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect(['2026-12-07T09:30:00Z', '2026-12-07T09:30', '2026-12-07 09:30'].map(isInstant)).toEqual(
      [true, true, false],
    )
  })
})
