import type { CharterFormat } from '../contract/report-formats.js'
import type { Charter } from '../engine/types.js'
import { csvRow } from './csv-cell.js'
import { code } from './escape-markdown.js'
import { charterTable } from './markdown-sections.js'

export type { CharterFormat }

/** The responsibility charter on its own, as Markdown, CSV (RFC 4180, CRLF) or JSON (framework.md §6). */
export function exportCharter(charter: Charter, format: CharterFormat): string {
  switch (format) {
    case 'md':
      return `${[`# Responsibility charter: ${code(charter.structure)}`, '', ...charterTable(charter)].join('\n')}\n`
    case 'csv':
      return [
        csvRow(['group', 'id', 'area', ...charter.columns]),
        ...charter.rows.map((row) =>
          csvRow([
            row.group,
            row.id,
            row.label,
            ...charter.columns.map((column) => row.cells[column] ?? ''),
          ]),
        ),
      ].join('')
    case 'json':
      return `${JSON.stringify(charter, null, 2)}\n`
  }
}
