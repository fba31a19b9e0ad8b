import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../test/engine-builders.js'
import type { Charter, RaciCell } from './types.js'
import { mergeCells } from './build-charter.js'
import { validateCharter } from './validate-charter.js'
import { STRUCTURES } from './vocabulary.js'

const withCell = (charter: Charter, row: number, column: string, cell: RaciCell): Charter => ({
  ...charter,
  rows: charter.rows.map((r, i) =>
    i === row ? { ...r, cells: { ...r.cells, [column]: cell } } : r,
  ),
})

describe('validateCharter', () => {
  it.each(STRUCTURES)('accepts the playbook charter of %s', (structure) => {
    expect(validateCharter(thePlaybook().charters[structure])).toEqual([])
  })

  it('gives every structure its seats plus CEO, Engineering and Business functions as columns', () => {
    expect(thePlaybook().charters['separate-full-time'].columns).toEqual([
      'CTO',
      'CAIO',
      'CEO',
      'Engineering',
      'Business functions',
    ])
    expect(thePlaybook().charters['unified-fractional'].columns).toEqual([
      'CTO/CAIO',
      'CEO',
      'Engineering',
      'Business functions',
    ])
  })

  it('reports a row without an Accountable', () => {
    const charter = withCell(thePlaybook().charters['separate-full-time'], 0, 'CTO', 'R')
    expect(validateCharter(charter)).toEqual([
      {
        code: 'no_accountable',
        path: ['rows', 0, 'cells'],
        message: 'row "platforms" has no Accountable (A); it needs exactly one',
      },
    ])
  })

  it('reports a row without a Responsible', () => {
    const base = thePlaybook().charters['separate-full-time']
    const charter = withCell(withCell(base, 5, 'CTO', 'A'), 5, 'Engineering', 'C')
    expect(validateCharter(charter).map((i) => i.code)).toEqual(['no_responsible'])
  })

  it('reports a seat that is Accountable for nothing', () => {
    const base = thePlaybook().charters['separate-full-time']
    let charter = base
    base.rows.forEach((row, i) => {
      if (row.cells['CAIO']?.includes('A'))
        charter = withCell(withCell(charter, i, 'CAIO', 'R'), i, 'CEO', 'A')
    })
    expect(validateCharter(charter)).toEqual([
      {
        code: 'seat_not_accountable',
        path: ['columns', 1],
        message: 'seat "CAIO" is not Accountable for any row; every seat must own something',
      },
    ])
  })

  it('reports a cell that is not a RACI letter', () => {
    const charter = withCell(thePlaybook().charters['cto-owns-ai'], 2, 'CEO', 'X' as RaciCell)
    expect(validateCharter(charter).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_cell', 'rows.2.cells.CEO'],
    ])
  })
})

describe('mergeCells', () => {
  it.each([
    [['A/R', 'C'], 'A/R'],
    [['A', 'C'], 'A'],
    [['A', 'R'], 'A/R'],
    [['C', 'I'], 'C'],
    [['I', undefined], 'I'],
    [[undefined, undefined], ''],
  ] as const)('merges %j into %s for one person holding both functions', (cells, merged) => {
    expect(mergeCells(cells)).toBe(merged)
  })
})
