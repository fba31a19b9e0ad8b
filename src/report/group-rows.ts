import type { Charter, CharterRow } from '../engine/types.js'
import { CHARTER_GROUPS } from '../engine/vocabulary.js'
import { GROUP_LABELS } from './labels.js'

export interface RowGroup {
  readonly label: string
  readonly rows: readonly CharterRow[]
}

/**
 * The charter's rows by group in the framework's order (§6). A charter read from a user's file may
 * carry a group outside the vocabulary: its rows follow, under the group's own name, never dropped.
 */
export function groupRows(charter: Charter): readonly RowGroup[] {
  const known: readonly string[] = CHARTER_GROUPS
  const other = [...new Set(charter.rows.map((row) => row.group as string))].filter(
    (group) => !known.includes(group),
  )
  return [
    ...CHARTER_GROUPS.map((group) => ({
      label: GROUP_LABELS[group],
      rows: charter.rows.filter((row) => row.group === group),
    })),
    ...other.map((group) => ({
      label: group,
      rows: charter.rows.filter((row) => (row.group as string) === group),
    })),
  ].filter((group) => group.rows.length > 0)
}
