import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compactStrings } from './compact-strings.js'

describe('compactStrings', () => {
  it('returns an equal copy of any JSON value, sharing no array or object with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = compactStrings(value)
        expect(copy).toStrictEqual(value)
        if (value !== null && typeof value === 'object') expect(copy).not.toBe(value)
      }),
    )
  })

  it('keeps strings above U+00FF and lone surrogates exactly', () => {
    const value = { title: 'CTO–CAIO', emoji: '😀', lone: '\ud800', tab: 'a\tb' }
    expect(compactStrings(value)).toStrictEqual(value)
  })

  it('keeps dates, class instances and __proto__-named keys as they are', () => {
    const date = new Date(0)
    const map = new Map([[1, 2]])
    const odd = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>
    const copy = compactStrings({ date, map, odd })
    expect(copy.date).toBe(date)
    expect(copy.map).toBe(map)
    expect(Object.keys(copy.odd)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(copy.odd)).toBe(Object.prototype)
  })
})
