import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { aProfile, compileFile, thePlaybook } from '../../test/engine-builders.js'
import { assess } from '../engine/assess.js'
import { deepFreeze } from '../engine/deep-freeze.js'
import { serializeJson } from './serialize-json.js'

// A character that JSON.stringify writes as it is and serializeJson escapes.
const WIDE = /[\u0100-\uffff]/

describe('serializeJson', () => {
  it('writes what JSON.stringify writes for an assessment, with its en dashes escaped', () => {
    // Two seats: the cadence and the change steps name the CTO–CAIO alignment meeting.
    const profile = aProfile({
      employees: 150,
      engineers: 40,
      products: 3,
      ai: { centrality: 'core', functions: ['sales', 'finance', 'operations'] },
      budget: { fullTimeLeaders: 2 },
      current: { seats: [{ title: 'CTO', engagement: 'full-time' }] },
    })
    const assessment = assess(profile, thePlaybook())
    const expected = JSON.stringify(assessment)
    expect(expected).toContain('CTO–CAIO')
    expect(serializeJson(assessment)).toBe(expected.replaceAll('–', '\\u2013'))
    expect(serializeJson(assess(profile, thePlaybook()))).toBe(expected.replaceAll('–', '\\u2013'))
  })

  it('escapes every character above U+00FF, surrogates one by one, and keeps Latin-1 letters', () => {
    expect(serializeJson({ t: 'CTO–CAIO 😀 Müller', '“key”': ['\ud800'] })).toBe(
      '{"t":"CTO\\u2013CAIO \\ud83d\\ude00 Müller","\\u201ckey\\u201d":["\\ud800"]}',
    )
  })

  it('reads back as JSON.stringify on any JSON value, frozen or not, with no character above U+00FF', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.boolean(), (value, freeze) => {
        const input: unknown = freeze ? deepFreeze(structuredClone(value)) : value
        const wrapped = { wrapped: input, list: [input, undefined] }
        const json = serializeJson(wrapped)
        const expected = JSON.stringify(wrapped)
        expect(json).not.toMatch(WIDE)
        expect(JSON.parse(json)).toStrictEqual(JSON.parse(expected))
        // Byte for byte JSON.stringify's wherever it has nothing to escape.
        if (!WIDE.test(expected)) expect(json).toBe(expected)
      }),
    )
  })

  it('writes keys right however many distinct keys the replies bring', () => {
    const wide = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}"\\`, i]))
    expect(serializeJson(wide)).toBe(JSON.stringify(wide))
    expect(serializeJson({ 'CTO–CAIO': 1 })).toBe('{"CTO\\u2013CAIO":1}')
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

  it('serializes a deeply frozen value once and reuses its JSON, escapes included', () => {
    const frozen = deepFreeze({ rows: [{ a: '–' }] })
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      expect(serializeJson({ frozen })).toBe('{"frozen":{"rows":[{"a":"\\u2013"}]}}')
      expect(serializeJson({ again: frozen })).toBe('{"again":{"rows":[{"a":"\\u2013"}]}}')
      expect(stringify.mock.calls.filter(([value]) => value === frozen)).toHaveLength(1)
    } finally {
      stringify.mockRestore()
    }
  })

  it('looks for frozen parts below the root only inside containers that hold one', () => {
    const frozen = deepFreeze({ steps: ['–'] })
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const value = { recommendation: { label: 'x', change: frozen }, profile: { name: 'y' } }
      const expected =
        '{"recommendation":{"label":"x","change":{"steps":["\\u2013"]}},"profile":{"name":"y"}}'
      expect(serializeJson(value)).toBe(expected)
      expect(serializeJson(value)).toBe(expected)
      expect(stringify.mock.calls.filter(([v]) => v === frozen)).toHaveLength(1)
      // The profile, with nothing frozen inside, is one JSON.stringify call, not one per field.
      expect(stringify.mock.calls.filter(([v]) => v === value.profile)).toHaveLength(2)
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
