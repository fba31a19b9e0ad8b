import { describe, expect, it } from 'vitest'
import { aCharter, aCharterRow } from '../../../test/web-builders.js'
import { checkCharter, setCell } from './charter-rules.js'

const valid = aCharter([
  aCharterRow('platforms', { CTO: 'A/R', CAIO: 'C', CEO: 'I' }),
  aCharterRow('ai-strategy', { CTO: 'C', CAIO: 'A', CEO: 'R' }),
])

describe('checkCharter', () => {
  it('finds nothing wrong in a charter that keeps every rule', () => {
    expect(checkCharter(valid)).toEqual([])
  })

  it('reports a row with no Accountable', () => {
    const charter = setCell(valid, 'ai-strategy', 'CAIO', 'R')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'one-accountable',
        row: 'ai-strategy',
        column: null,
        message: '"ai-strategy" has no Accountable (A); give exactly one column an A',
      },
      {
        rule: 'seat-accountable',
        row: null,
        column: 'CAIO',
        message: 'CAIO is not Accountable (A) for any row; every seat must own something',
      },
    ])
  })

  it('reports a row with two Accountables', () => {
    const charter = setCell(valid, 'platforms', 'CEO', 'A')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'one-accountable',
        row: 'platforms',
        column: null,
        message: '"platforms" has 2 Accountables (A); keep exactly one',
      },
    ])
  })

  it('reports a row with no Responsible', () => {
    const charter = setCell(valid, 'platforms', 'CTO', 'A')
    expect(checkCharter(charter)).toEqual([
      {
        rule: 'responsible',
        row: 'platforms',
        column: null,
        message: '"platforms" has no Responsible (R); give at least one column an R',
      },
    ])
  })

  it('does not ask the fixed columns to be Accountable', () => {
    const charter = aCharter([aCharterRow('platforms', { 'CTO/CAIO': 'A/R' })], ['CTO/CAIO'])
    expect(checkCharter(charter)).toEqual([])
  })
})

describe('setCell', () => {
  it('changes one cell and leaves the original charter as it was', () => {
    const charter = setCell(valid, 'platforms', 'CAIO', 'I')
    expect(charter.rows[0]?.cells).toEqual({ CTO: 'A/R', CAIO: 'I', CEO: 'I' })
    expect(valid.rows[0]?.cells).toEqual({ CTO: 'A/R', CAIO: 'C', CEO: 'I' })
  })
})
