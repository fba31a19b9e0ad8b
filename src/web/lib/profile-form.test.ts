import { describe, expect, it } from 'vitest'
import { checkDraft, emptyDraft, numberFromInput, unplacedErrors } from './profile-form.js'

describe('checkDraft', () => {
  it('accepts a complete profile and returns it normalized', () => {
    const check = checkDraft({
      name: 'Acme',
      employees: 40,
      engineers: 10,
      ai: { centrality: 'core' },
    })
    expect(check.errors).toEqual({})
    expect(check.profile?.industry).toBe('other')
    // Not given: the engine reads it from today's leaders, else 1 (framework.md §4a).
    expect(check.profile?.budget).toEqual({})
  })

  it('names every missing required field of an empty form', () => {
    expect(checkDraft(emptyDraft()).errors).toEqual({
      name: 'Required',
      employees: 'Required',
      engineers: 'Required',
      'ai.centrality': 'Required',
    })
  })

  it('words problems by their code and expected kind: unreadable numbers, emptied text', () => {
    const check = checkDraft({
      name: '',
      employees: Number.NaN,
      engineers: 1,
      ai: { centrality: 'core' },
    })
    expect(check.errors).toEqual({ name: 'Required', employees: 'Enter a number' })
  })

  it('keeps the engine message for a rule across fields', () => {
    const check = checkDraft({
      name: 'Acme',
      employees: 10,
      engineers: 12,
      ai: { centrality: 'core' },
    })
    expect(check.errors).toEqual({ engineers: 'engineers (12) must not exceed employees (10)' })
  })

  it('names an unknown field inside a use case', () => {
    const check = checkDraft({
      name: 'Acme',
      employees: 10,
      engineers: 2,
      ai: { centrality: 'core', useCases: [{ name: 'Chat', colour: 'red' }] },
    })
    expect(check.errors).toEqual({ 'ai.useCases[0].colour': 'unknown field "colour"' })
  })
})

describe('numberFromInput', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['42', 42],
    ['2.5', 2.5],
  ] as const)('reads %j as %s', (text, value) => {
    expect(numberFromInput(text)).toBe(value)
  })
})

describe('unplacedErrors', () => {
  it('returns the errors of fields the form does not show', () => {
    expect(unplacedErrors({ name: 'Required', 'growth[0].at': 'bad' }, ['name'])).toEqual([
      ['growth[0].at', 'bad'],
    ])
  })
})
