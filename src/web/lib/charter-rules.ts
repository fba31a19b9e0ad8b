import type { Charter, RaciCell } from '../../engine/types.js'
import { FIXED_CHARTER_COLUMNS } from '../../engine/vocabulary.js'

// The charter rules of framework.md §6, checked live while a person edits cells:
// "Every row has exactly one A and at least one R; every seat is Accountable for at least one row."

export const RACI_CELLS = ['', 'R', 'A', 'A/R', 'C', 'I'] as const satisfies readonly RaciCell[]

export interface CharterProblem {
  readonly rule: 'one-accountable' | 'responsible' | 'seat-accountable'
  /** Row id, or null for a rule about a column. */
  readonly row: string | null
  /** Column name, or null for a rule about a row. */
  readonly column: string | null
  readonly message: string
}

/** Lists every broken charter rule, rows first in charter order, then seats. */
export function checkCharter(charter: Charter): readonly CharterProblem[] {
  const problems: CharterProblem[] = []
  for (const row of charter.rows) {
    const cells = charter.columns.map((column) => row.cells[column] ?? '')
    const accountable = cells.filter(isAccountable).length
    if (accountable !== 1) {
      problems.push({
        rule: 'one-accountable',
        row: row.id,
        column: null,
        message:
          accountable === 0
            ? `"${row.label}" has no Accountable (A); give exactly one column an A`
            : `"${row.label}" has ${accountable} Accountables (A); keep exactly one`,
      })
    }
    if (!cells.some(isResponsible)) {
      problems.push({
        rule: 'responsible',
        row: row.id,
        column: null,
        message: `"${row.label}" has no Responsible (R); give at least one column an R`,
      })
    }
  }
  for (const seat of seatColumns(charter)) {
    if (!charter.rows.some((row) => isAccountable(row.cells[seat] ?? ''))) {
      problems.push({
        rule: 'seat-accountable',
        row: null,
        column: seat,
        message: `${seat} is not Accountable (A) for any row; every seat must own something`,
      })
    }
  }
  return problems
}

/** The charter's leadership seats: every column except CEO, Engineering and Business functions. */
export function seatColumns(charter: Charter): readonly string[] {
  const fixed: readonly string[] = FIXED_CHARTER_COLUMNS
  return charter.columns.filter((column) => !fixed.includes(column))
}

/** A copy of the charter with one cell changed. */
export function setCell(charter: Charter, rowId: string, column: string, cell: RaciCell): Charter {
  return {
    ...charter,
    rows: charter.rows.map((row) =>
      row.id === rowId ? { ...row, cells: { ...row.cells, [column]: cell } } : row,
    ),
  }
}

function isAccountable(cell: RaciCell): boolean {
  return cell === 'A' || cell === 'A/R'
}

function isResponsible(cell: RaciCell): boolean {
  return cell === 'R' || cell === 'A/R'
}
