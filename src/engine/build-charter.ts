import type { Charter, CharterRow, RaciCell } from './types.js'
import type { CellColumn, PlaybookDoc } from './playbook-schema.js'
import type { StructureId } from './vocabulary.js'
import { FIXED_CHARTER_COLUMNS } from './vocabulary.js'

/**
 * Builds the responsibility charter of a structure from the playbook's template (framework.md §6).
 * Template cells name the abstract functions `tech` and `ai`; each seat takes the cells of the
 * functions it holds, merged when one person holds both.
 */
export function buildCharter(doc: PlaybookDoc, structure: StructureId): Charter {
  const seats = doc.structures[structure].seats
  const columns = [...seats.map((seat) => seat.title), ...FIXED_CHARTER_COLUMNS]
  const overrides = doc.charter.overrides[structure] ?? {}
  const rows: CharterRow[] = doc.charter.rows.map((row) => {
    const template = overrides[row.id] ?? row.cells
    const cells: Record<string, RaciCell> = {}
    for (const seat of seats) {
      cells[seat.title] = mergeCells(seat.holds.map((fn) => template[fn]))
    }
    for (const column of FIXED_CHARTER_COLUMNS) {
      cells[column] = template[column as CellColumn] ?? ''
    }
    return { id: row.id, group: row.group, label: row.label, cells }
  })
  return { structure, columns, rows }
}

/** Merges the letters of the functions one person holds: A and R combine to A/R; A wins over C and I. */
export function mergeCells(cells: readonly (RaciCell | undefined)[]): RaciCell {
  let accountable = false
  let responsible = false
  let consulted = false
  let informed = false
  for (const cell of cells) {
    if (!cell) continue
    if (cell.includes('A')) accountable = true
    if (cell.includes('R')) responsible = true
    if (cell === 'C') consulted = true
    if (cell === 'I') informed = true
  }
  if (accountable && responsible) return 'A/R'
  if (accountable) return 'A'
  if (responsible) return 'R'
  if (consulted) return 'C'
  return informed ? 'I' : ''
}
