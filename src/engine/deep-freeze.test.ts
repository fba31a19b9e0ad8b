import { describe, expect, it } from 'vitest'
import { deepFreeze } from './deep-freeze.js'

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const value = { a: { b: [1, { c: 'x' }] }, d: 'e' }
    const frozen = deepFreeze(value)
    expect(frozen).toBe(value)
    expect(Object.isFrozen(value)).toBe(true)
    expect(Object.isFrozen(value.a)).toBe(true)
    expect(Object.isFrozen(value.a.b)).toBe(true)
    expect(Object.isFrozen(value.a.b[1])).toBe(true)
    expect(() => {
      ;(value.a.b[1] as { c: string }).c = 'y'
    }).toThrow(TypeError)
  })

  it('leaves primitives alone and stops at values already frozen', () => {
    expect(deepFreeze(3)).toBe(3)
    expect(deepFreeze(null)).toBe(null)
    const inner = { x: 1 }
    const outer = Object.freeze({ inner })
    deepFreeze(outer)
    // Already frozen: not walked, so what it holds keeps its own state.
    expect(Object.isFrozen(inner)).toBe(false)
  })

  it('terminates on cycles', () => {
    const a: { self?: unknown } = {}
    a.self = a
    expect(Object.isFrozen(deepFreeze(a))).toBe(true)
  })
})
