import { describe, expect, it } from 'vitest'
import { aCharter } from '../../../test/web-builders.js'
import { checkCharter, setCell } from './charter-rules.js'

describe('checkCharter', () => {
  it('finds nothing wrong in a charter that keeps every rule', () => {
    expect(checkCharter(aCharter())).toEqual([])
  })

  it('places a row without an Accountable on that row, and the seat left without one', () => {
    const charter = setCell(aCharter(), 'ai-strategy', 'CAIO', 'R')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'no_accountable',
        row: 'ai-strategy',
        column: null,
        message: 'row "ai-strategy" has no Accountable (A); it needs exactly one',
      },
      {
        rule: 'seat_not_accountable',
        row: null,
        column: 'CAIO',
        message: 'seat "CAIO" is not Accountable for any row; every seat must own something',
      },
    ])
  })

  it('reports a row with two Accountables', () => {
    const charter = setCell(aCharter(), 'platforms', 'CEO', 'A')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'several_accountable',
        row: 'platforms',
        column: null,
        message: 'row "platforms" has 2 Accountables (CTO, CEO); it needs exactly one',
      },
    ])
  })

  it('reports a row with no Responsible', () => {
    const charter = setCell(aCharter(), 'security', 'CTO', 'A')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'no_responsible',
        row: 'security',
        column: null,
        message: 'row "security" has no Responsible (R); it needs at least one',
      },
    ])
  })
})

describe('setCell', () => {
  it('changes one cell and leaves the original charter as it was', () => {
    const original = aCharter()
    const charter = setCell(original, 'platforms', 'CAIO', 'I')
    expect(charter.rows[0]?.cells).toEqual({ CTO: 'A/R', CAIO: 'I' })
    expect(original.rows[0]?.cells).toEqual({ CTO: 'A/R', CAIO: 'C' })
  })
})
