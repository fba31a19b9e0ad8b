// The same escaping as src/io/csv-cell.ts; report may not import io, so it keeps its own copy.

// OWASP "CSV injection": a spreadsheet evaluates a cell that starts with one of these, even after
// leading spaces, so such cells get a leading apostrophe.
const FORMULA_START = /^[ ]*[=+\-@\t\r\0]/

/** One RFC 4180 CSV cell: formula-injection-safe, quoted when it holds a comma, quote or newline. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One CSV record terminated by CRLF, as RFC 4180 asks. */
export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
