// CSV output shared by every CSV export (batch summaries, charters): RFC 4180 quoting and
// neutralised spreadsheet formulas (reliability.md §C, OWASP "CSV injection").

export type CsvValue = string | number | boolean | null | undefined

// A spreadsheet treats a cell starting with these (even after spaces) as a formula or control.
const FORMULA_START = /^[ ]*[=+\-@\t\r\0]/

/** One cell: text that could start a formula gets a leading `'`; every cell is double-quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""'
  const text = String(value)
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text
  return `"${safe.replaceAll('"', '""')}"`
}

/** One record, cells escaped by `csvCell`, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
