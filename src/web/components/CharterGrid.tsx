import type { Charter, RaciCell } from '../../engine/types.js'
import type { CharterProblem } from '../lib/charter-rules.js'
import { Fragment } from 'react'
import { CHARTER_GROUPS } from '../../engine/vocabulary.js'
import { RACI_CELLS } from '../lib/charter-rules.js'

const GROUP_LABELS: Readonly<Record<(typeof CHARTER_GROUPS)[number], string>> = {
  'technology-foundation': 'Technology foundation',
  'ai-value': 'AI value',
  'handoff-zones': 'Handoff zones',
  partnership: 'The partnership',
}

/** The responsibility charter (RACI) as a grid; with `onChange` every cell is a labelled select. */
export function CharterGrid({
  charter,
  problems = [],
  onChange,
}: {
  charter: Charter
  problems?: readonly CharterProblem[]
  onChange?: (row: string, column: string, cell: RaciCell) => void
}) {
  const badRows = new Set(problems.map((problem) => problem.row).filter(Boolean))
  const badColumns = new Set(problems.map((problem) => problem.column).filter(Boolean))
  return (
    <div
      className="table-wrap charter-wrap"
      tabIndex={0}
      role="region"
      aria-label="Responsibility charter (scrolls sideways)"
    >
      <table className="charter">
        <caption className="visually-hidden">
          Responsibility charter: R responsible, A accountable, C consulted, I informed
        </caption>
        <thead>
          <tr>
            <th scope="col">Responsibility</th>
            {charter.columns.map((column) => (
              <th key={column} scope="col" className={badColumns.has(column) ? 'bad' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHARTER_GROUPS.map((group) => {
            const rows = charter.rows.filter((row) => row.group === group)
            if (rows.length === 0) return null
            return (
              <Fragment key={group}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={charter.columns.length + 1}>
                    {GROUP_LABELS[group]}
                  </th>
                </tr>
                {rows.map((row) => (
                  <tr key={row.id} className={badRows.has(row.id) ? 'bad' : undefined}>
                    <th scope="row">{row.label}</th>
                    {charter.columns.map((column) => {
                      const cell = row.cells[column] ?? ''
                      return (
                        <td key={column} className={`cell cell-${cellClass(cell)}`}>
                          {onChange ? (
                            <select
                              aria-label={`${row.label}, ${column}`}
                              value={cell}
                              onChange={(event) =>
                                onChange(row.id, column, event.target.value as RaciCell)
                              }
                            >
                              {RACI_CELLS.map((option) => (
                                <option key={option} value={option}>
                                  {option === '' ? '–' : option}
                                </option>
                              ))}
                            </select>
                          ) : (
                            cell || (
                              <>
                                <span aria-hidden="true">–</span>
                                <span className="visually-hidden">none</span>
                              </>
                            )
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function cellClass(cell: RaciCell): string {
  return cell === '' ? 'none' : cell === 'A/R' ? 'ar' : cell.toLowerCase()
}
