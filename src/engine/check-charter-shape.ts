import type { Issue } from './result.js'
import type { Charter } from './types.js'

/**
 * Checks that a new version of a charter is still about the same thing as its first version
 * (framework.md §6): the same structure, the same columns (the structure's seats plus the fixed
 * ones), and the same rows in the same groups. Cells and labels are what an edit may change.
 * A dropped row is not reported here: every charter row is one validateCharter requires, and its
 * `missing_row` names it, so a caller running both reports it once.
 */
export function checkCharterShape(base: Charter, next: Charter): readonly Issue[] {
  const issues: Issue[] = []
  if (next.structure !== base.structure) {
    issues.push({
      code: 'structure_changed',
      path: ['structure'],
      message: `the charter is for structure "${base.structure}"; a new version cannot change it to "${next.structure}"`,
    })
  }
  next.columns.forEach((column, index) => {
    if (!base.columns.includes(column)) {
      issues.push({
        code: 'column_added',
        path: ['columns', index],
        message: `"${column}" is not a column of this charter (${base.columns.join(', ')})`,
      })
    }
  })
  for (const column of base.columns) {
    if (!next.columns.includes(column)) {
      issues.push({
        code: 'column_removed',
        path: ['columns'],
        message: `column "${column}" is missing; a new version keeps every column of the charter`,
      })
    }
  }
  const baseGroups = new Map<string, string>(base.rows.map((row) => [row.id, row.group]))
  next.rows.forEach((row, index) => {
    const group = baseGroups.get(row.id)
    if (group === undefined) {
      issues.push({
        code: 'row_added',
        path: ['rows', index, 'id'],
        message: `row "${row.id}" is not a row of this charter`,
      })
    } else if (row.group !== group) {
      issues.push({
        code: 'group_changed',
        path: ['rows', index, 'group'],
        message: `row "${row.id}" belongs to group "${group}", not "${row.group}"`,
      })
    }
  })
  return issues
}
