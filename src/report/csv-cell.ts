// The one CSV writer of Tandem: RFC 4180 records and neutralised spreadsheet formulas
// (reliability.md §C, OWASP "CSV injection"). Two quoting styles, chosen by the caller:
// `minimal` (charter exports: quote a cell only when it holds a comma, quote or line break, absent
// values empty) and `always` (batch summaries: every cell double-quoted, absent values `""`, so a
// reader never has to guess a column's type).

export type CsvValue = string | number | boolean | null | undefined

export interface CsvOptions {
  readonly quoting?: 'minimal' | 'always'
}

// A spreadsheet treats a cell starting with these (even after spaces) as a formula or control.
const FORMULA_START = /^[ ]*[=+\-@\t\r\0]/

/** One cell: text that could start a formula gets a leading `'`; quoted as `options` asks. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  const always = options.quoting === 'always'
  if (value === null || value === undefined) return always ? '""' : ''
  const text = String(value)
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text
  return always || /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One record, cells written by `csvCell`, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((value) => csvCell(value, options)).join(',')}\r\n`
}
