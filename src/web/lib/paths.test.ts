import { describe, expect, it } from 'vitest'
import { getAt, parsePath, setAt } from './paths.js'

describe('parsePath', () => {
  it.each([
    ['name', ['name']],
    ['ai.centrality', ['ai', 'centrality']],
    ['ai.useCases[2].area', ['ai', 'useCases', 2, 'area']],
    ['current.seats[0]', ['current', 'seats', 0]],
  ] as const)('splits %s', (path, keys) => {
    expect(parsePath(path)).toEqual(keys)
  })

  it('refuses a malformed path', () => {
    expect(() => parsePath('ai.use]Cases')).toThrow('not a field path: "ai.use]Cases"')
  })
})

describe('getAt', () => {
  const doc = { ai: { centrality: 'core', useCases: [{ name: 'Triage' }] } }

  it('reads nested objects and arrays', () => {
    expect(getAt(doc, 'ai.useCases[0].name')).toBe('Triage')
  })

  it('returns undefined for a missing step', () => {
    expect(getAt(doc, 'current.seats[0].title')).toBeUndefined()
  })
})

describe('setAt', () => {
  it('creates the objects on the way without touching the original', () => {
    const doc = { name: 'Acme' }
    const next = setAt(doc, 'ai.centrality', 'core')
    expect(next).toEqual({ name: 'Acme', ai: { centrality: 'core' } })
    expect(doc).toEqual({ name: 'Acme' })
  })

  it('writes into an array element', () => {
    const doc = { ai: { useCases: [{ name: 'A' }, { name: 'B' }] } }
    expect(setAt(doc, 'ai.useCases[1].area', 'education')).toEqual({
      ai: { useCases: [{ name: 'A' }, { name: 'B', area: 'education' }] },
    })
  })

  it('removes the key when the value is undefined', () => {
    expect(setAt({ ai: { stakes: 'high', centrality: 'core' } }, 'ai.stakes', undefined)).toEqual({
      ai: { centrality: 'core' },
    })
  })
})
