import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { aProfile, compileFile, thePlaybook } from '../../test/engine-builders.js'
import { assess } from '../engine/assess.js'
import { deepFreeze } from '../engine/deep-freeze.js'
import { serializeJson } from './serialize-json.js'

describe('serializeJson', () => {
  it('writes exactly what JSON.stringify writes for an assessment, the second time too', () => {
    const assessment = assess(aProfile(), thePlaybook())
    const expected = JSON.stringify(assessment)
    expect(serializeJson(assessment)).toBe(expected)
    expect(serializeJson(assess(aProfile(), thePlaybook()))).toBe(expected)
  })

  it('matches JSON.stringify on any JSON value, frozen or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, freeze) => {
        const input: unknown = freeze ? deepFreeze(structuredClone(value)) : value
        expect(serializeJson({ wrapped: input, list: [input, undefined] })).toBe(
          JSON.stringify({ wrapped: input, list: [input, undefined] }),
        )
      }),
    )
  })

  it('keeps JSON.stringify semantics for undefined, functions, toJSON and class instances', () => {
    const value = {
      skipped: undefined,
      fn: () => 1,
      date: new Date(Date.UTC(2026, 0, 2)),
      custom: { toJSON: () => 'custom' },
      map: new Map([[1, 2]]),
      nested: [undefined, () => 1, Symbol('s')],
      nan: Number.NaN,
    }
    expect(serializeJson(value)).toBe(JSON.stringify(value))
  })

  it('does not reuse the JSON of a frozen object whose insides can still change', () => {
    const inner = { count: 1 }
    const shallow = Object.freeze({ inner })
    expect(serializeJson({ shallow })).toBe('{"shallow":{"inner":{"count":1}}}')
    inner.count = 2
    expect(serializeJson({ shallow })).toBe('{"shallow":{"inner":{"count":2}}}')

    const date = Object.freeze(new Date(0))
    const holder = Object.freeze({ date })
    expect(serializeJson({ holder })).toBe(JSON.stringify({ holder }))
    date.setTime(1000)
    expect(serializeJson({ holder })).toBe(JSON.stringify({ holder }))
  })

  it('serializes a deeply frozen value once and reuses its JSON', () => {
    const frozen = deepFreeze({ rows: [{ a: 1 }] })
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      expect(serializeJson({ frozen })).toBe('{"frozen":{"rows":[{"a":1}]}}')
      expect(serializeJson({ again: frozen })).toBe('{"again":{"rows":[{"a":1}]}}')
      expect(stringify.mock.calls.filter(([value]) => value === frozen)).toHaveLength(1)
    } finally {
      stringify.mockRestore()
    }
  })

  it('serializes the playbook charter inside an assessment once', () => {
    const playbook = compileFile('playbooks/tandem-default.yaml')
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const first = assess(aProfile(), playbook)
      serializeJson(first)
      serializeJson(assess(aProfile(), playbook))
      expect(stringify.mock.calls.filter(([value]) => value === first.charter)).toHaveLength(1)
    } finally {
      stringify.mockRestore()
    }
  })
})
