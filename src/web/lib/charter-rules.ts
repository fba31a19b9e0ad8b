import type { Charter, RaciCell } from '../../engine/types.js'
import { validateCharter } from '../../engine/validate-charter.js'

// The charter rules of framework.md §6, checked live while a person edits cells, by the engine's
// own (pure) `validateCharter`, the same check the server applies on save.

export const RACI_CELLS = ['', 'R', 'A', 'A/R', 'C', 'I'] as const satisfies readonly RaciCell[]

export interface CharterProblem {
  /** The engine's issue code, e.g. `no_accountable` or `seat_not_accountable`. */
  readonly rule: string
  /** Row id, or null for a rule about a column or the whole charter. */
  readonly row: string | null
  /** Column name, or null for a rule about a row. */
  readonly column: string | null
  readonly message: string
}

/** Lists every broken charter rule, placed on its row or column so the grid can mark it. */
export function checkCharter(charter: Charter): readonly CharterProblem[] {
  return validateCharter(charter).map((issue) => {
    const [head, index, , cellColumn] = issue.path
    const row =
      head === 'rows' && typeof index === 'number' ? (charter.rows[index]?.id ?? null) : null
    const column =
      head === 'columns' && typeof index === 'number'
        ? (charter.columns[index] ?? null)
        : typeof cellColumn === 'string'
          ? cellColumn
          : null
    return { rule: issue.code, row, column, message: issue.message }
  })
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
