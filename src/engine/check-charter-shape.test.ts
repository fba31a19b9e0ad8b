import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../test/engine-builders.js'
import type { Charter } from './types.js'
import { checkCharterShape } from './check-charter-shape.js'
import { validateCharter } from './validate-charter.js'

const base: Charter = thePlaybook().charters['separate-full-time']

describe('checkCharterShape', () => {
  it('accepts a version that changes only cells and labels', () => {
    const next: Charter = {
      ...base,
      rows: base.rows.map((row, index) =>
        index === 0 ? { ...row, label: 'Platforms and tooling', cells: { CTO: 'A/R' } } : row,
      ),
    }
    expect(checkCharterShape(base, next)).toEqual([])
  })

  it('accepts the same columns and rows in another order', () => {
    const next: Charter = {
      ...base,
      columns: [...base.columns].reverse(),
      rows: [...base.rows].reverse(),
    }
    expect(checkCharterShape(base, next)).toEqual([])
  })

  it('refuses another structure', () => {
    expect(checkCharterShape(base, { ...base, structure: 'cto-owns-ai' })).toEqual([
      {
        code: 'structure_changed',
        path: ['structure'],
        message:
          'the charter is for structure "separate-full-time"; a new version cannot change it to "cto-owns-ai"',
      },
    ])
  })

  it('refuses a renamed seat as one column added and one removed', () => {
    const columns = base.columns.map((column) => (column === 'CAIO' ? 'CDO' : column))
    expect(checkCharterShape(base, { ...base, columns })).toEqual([
      {
        code: 'column_added',
        path: ['columns', 1],
        message:
          '"CDO" is not a column of this charter (CTO, CAIO, CEO, Engineering, Business functions)',
      },
      {
        code: 'column_removed',
        path: ['columns'],
        message: 'column "CAIO" is missing; a new version keeps every column of the charter',
      },
    ])
  })

  it('refuses a row moved to another group', () => {
    const rows = base.rows.map((row, index) =>
      index === 0 ? { ...row, group: 'partnership' as const } : row,
    )
    expect(checkCharterShape(base, { ...base, rows })).toEqual([
      {
        code: 'group_changed',
        path: ['rows', 0, 'group'],
        message: `row "${base.rows[0]?.id}" belongs to group "${base.rows[0]?.group}", not "partnership"`,
      },
    ])
  })

  it('refuses a row the first version did not have, and leaves a dropped row to validateCharter', () => {
    const smaller: Charter = { ...base, rows: base.rows.slice(1) }
    expect(checkCharterShape(smaller, base)).toEqual([
      {
        code: 'row_added',
        path: ['rows', 0, 'id'],
        message: `row "${base.rows[0]?.id}" is not a row of this charter`,
      },
    ])
    expect(checkCharterShape(base, smaller)).toEqual([])
    expect(validateCharter(smaller)).toContainEqual({
      code: 'missing_row',
      path: ['rows'],
      message: `row "${base.rows[0]?.id}" is missing`,
    })
  })
})
