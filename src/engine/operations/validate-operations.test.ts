import { describe, expect, it } from 'vitest'
import { aMeeting, anInitiative, moves } from '../../../test/operations-builders.js'
import { validateOperations } from './validate-operations.js'

const base = {
  schema: 'tandem/operations@1',
  organization: { name: 'Acme', seats: [{ title: 'CTO' }] },
}

describe('validateOperations', () => {
  it('accepts a register and fills the defaults', () => {
    const result = validateOperations({ ...base, initiatives: [anInitiative()] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.organization.timeZone).toBe('UTC')
    expect(result.value.initiatives[0]?.lenses).toEqual({ cto: [], caio: [] })
    expect(result.value.initiatives[0]?.visibility).toBe('client')
    expect(result.value.meetings).toEqual([])
  })

  it('names an unknown field with its path', () => {
    const result = validateOperations({
      ...base,
      initiatives: [anInitiative({ colour: 'red' } as never)],
    })
    expect(result).toEqual({
      ok: false,
      error: [
        {
          code: 'unknown_field',
          path: ['initiatives', 0, 'colour'],
          message: 'unknown field "colour"',
        },
      ],
    })
  })

  it('rejects a date that is not a calendar day', () => {
    const result = validateOperations({
      ...base,
      initiatives: [anInitiative({ createdAt: '2026-02-30' })],
    })
    expect(result.ok ? [] : result.error.map((i) => [i.path, i.message])).toEqual([
      [
        ['initiatives', 0, 'createdAt'],
        'a date as YYYY-MM-DD or a date-time as YYYY-MM-DDTHH:MM:SSZ',
      ],
    ])
  })

  it('rejects a history move the stage machine does not allow', () => {
    const result = validateOperations({
      ...base,
      initiatives: [
        anInitiative({ history: [{ at: '2026-02-01', from: 'idea', to: 'production' }] }),
      ],
    })
    expect(result.ok ? [] : result.error).toEqual([
      {
        code: 'invalid_move',
        path: ['initiatives', 0, 'history', 0, 'to'],
        message: 'a move from "idea" to "production" is not allowed',
      },
    ])
  })

  it('accepts an imported move to a later stage', () => {
    const result = validateOperations({
      ...base,
      initiatives: [
        anInitiative({
          history: [{ at: '2026-02-01', from: 'idea', to: 'production', kind: 'imported' }],
        }),
      ],
    })
    expect(result.ok).toBe(true)
  })

  it('rejects a stage that differs from the last move', () => {
    const result = validateOperations({
      ...base,
      initiatives: [anInitiative({ stage: 'idea', history: moves(['2026-02-01', 'pilot']) })],
    })
    expect(result.ok ? [] : result.error.map((i) => i.path)).toEqual([['initiatives', 0, 'stage']])
  })

  it('sorts dated lists so later steps read them in order', () => {
    const result = validateOperations({
      ...base,
      initiatives: [
        anInitiative({
          measurements: [
            { at: '2026-03-01', value: 2 },
            { at: '2026-02-01', value: 1 },
          ],
        }),
      ],
      meetings: [
        aMeeting({ id: 'b', date: '2026-05-01' }),
        aMeeting({ id: 'a', date: '2026-04-01' }),
      ],
    })
    if (!result.ok) throw new Error('invalid')
    expect(result.value.initiatives[0]?.measurements.map((m) => m.value)).toEqual([1, 2])
    expect(result.value.meetings.map((m) => m.id)).toEqual(['a', 'b'])
  })

  it('names duplicate ids and links to missing initiatives', () => {
    const result = validateOperations({
      ...base,
      initiatives: [anInitiative(), anInitiative()],
      meetings: [
        aMeeting({
          decisions: [{ id: 'd-1', text: 'Go', initiatives: ['nope'] }],
        }),
      ],
    })
    expect(result.ok ? [] : result.error).toEqual([
      {
        code: 'duplicate_id',
        path: ['initiatives', 1, 'id'],
        message: 'initiative id "ini-1" is used twice',
      },
      {
        code: 'unknown_initiative',
        path: ['meetings', 0, 'decisions', 0, 'initiatives', 0],
        message: 'no initiative has id "nope"',
      },
    ])
  })
})
