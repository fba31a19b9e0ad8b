import type { Issue } from './result.js'
import type { Charter } from './types.js'
import { CHARTER_ROW_IDS, FIXED_CHARTER_COLUMNS } from './vocabulary.js'

const VALID_CELLS = new Set(['', 'R', 'A', 'C', 'I', 'A/R'])

/**
 * Checks the charter rules of framework.md §6: every row has exactly one A and at least one R, and every
 * seat is Accountable for at least one row. Problems come back as data, one per broken rule.
 */
export function validateCharter(charter: Charter): readonly Issue[] {
  const issues: Issue[] = []
  const seats = charter.columns.filter(
    (c) => !(FIXED_CHARTER_COLUMNS as readonly string[]).includes(c),
  )
  const accountableSeats = new Set<string>()
  const seen = new Set<string>()
  charter.rows.forEach((row, index) => {
    if (seen.has(row.id)) {
      issues.push({
        code: 'duplicate_row',
        path: ['rows', index, 'id'],
        message: `row "${row.id}" appears twice`,
      })
    }
    seen.add(row.id)
    const accountable: string[] = []
    let responsible = 0
    for (const column of charter.columns) {
      const cell = row.cells[column] ?? ''
      if (!VALID_CELLS.has(cell)) {
        issues.push({
          code: 'invalid_cell',
          path: ['rows', index, 'cells', column],
          message: `"${cell}" is not one of R, A, C, I, A/R or empty`,
        })
        continue
      }
      if (cell.includes('A')) accountable.push(column)
      if (cell.includes('R')) responsible++
    }
    for (const column of Object.keys(row.cells)) {
      if (!charter.columns.includes(column)) {
        issues.push({
          code: 'unknown_column',
          path: ['rows', index, 'cells', column],
          message: `"${column}" is not a column of this charter`,
        })
      }
    }
    if (accountable.length !== 1) {
      issues.push({
        code: accountable.length === 0 ? 'no_accountable' : 'several_accountable',
        path: ['rows', index, 'cells'],
        message:
          accountable.length === 0
            ? `row "${row.id}" has no Accountable (A); it needs exactly one`
            : `row "${row.id}" has ${accountable.length} Accountables (${accountable.join(', ')}); it needs exactly one`,
      })
    }
    if (responsible === 0) {
      issues.push({
        code: 'no_responsible',
        path: ['rows', index, 'cells'],
        message: `row "${row.id}" has no Responsible (R); it needs at least one`,
      })
    }
    accountable.forEach((column) => accountableSeats.add(column))
  })
  for (const id of CHARTER_ROW_IDS) {
    if (!seen.has(id))
      issues.push({ code: 'missing_row', path: ['rows'], message: `row "${id}" is missing` })
  }
  for (const seat of seats) {
    if (!accountableSeats.has(seat)) {
      issues.push({
        code: 'seat_not_accountable',
        path: ['columns', charter.columns.indexOf(seat)],
        message: `seat "${seat}" is not Accountable for any row; every seat must own something`,
      })
    }
  }
  return issues
}
