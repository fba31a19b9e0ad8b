import type { Readable } from 'node:stream'
import type { Problem } from '../errors/app-error.js'
import type { CsvLayout } from './csv-profile.js'
import type { ProfileRecord } from './read-profiles.js'
import { parse } from 'csv-parse'
import { formatPath, validateProfile } from '../engine/validate-profile.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { checkCsvHeader, csvLayout, csvRecordToDocument, isBlankRecord } from './csv-profile.js'
import { MAX_CSV_RECORD_BYTES } from './limits.js'

/**
 * Reads one profile per CSV row, streaming. Rows are numbered as a spreadsheet shows them: the
 * header is row 1 and empty lines count. A bad header, or a syntax error that leaves the rest of
 * the file unreadable (an unclosed quote, a record over the size limit), throws.
 */
export async function* readCsvProfiles(
  stream: Readable,
  source: string,
): AsyncGenerator<ProfileRecord> {
  // Empty lines come through as one empty cell: counting every record gives the spreadsheet row
  // without csv-parse's costly `info` option.
  const parser = stream.pipe(
    parse({ bom: true, relax_column_count: true, max_record_size: MAX_CSV_RECORD_BYTES }),
  )
  let header: string[] | null = null
  let layout: CsvLayout | null = null
  let index = 0
  let row = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++
      if (!header) {
        if (isBlankRecord(record)) continue
        header = record.map((cell) => cell.trim())
        const problems = checkCsvHeader(header)
        if (problems.length > 0) {
          throw new InvalidInputError(
            `${source}: the header row is not valid`,
            problems.map((message) => ({ file: source, row, message })),
          )
        }
        layout = csvLayout(header)
        continue
      }
      if (isBlankRecord(record) || !layout) continue
      yield recordOfRow(index++, row, source, layout, record)
    }
  } catch (error) {
    parser.destroy()
    if (!isCsvError(error)) throw error
    throw new InvalidInputError(`${source}: CSV syntax error; the rows after it were not read`, [
      { file: source, ...syntaxErrorWhere(error, row), message: csvMessage(error) },
    ])
  }
  if (!header) {
    throw new InvalidInputError(`${source} is empty`, [
      { file: source, row: 1, message: 'expected a header row naming the columns' },
    ])
  }
}

function recordOfRow(
  index: number,
  row: number,
  source: string,
  layout: CsvLayout,
  cells: readonly string[],
): ProfileRecord {
  const expected = layout.columns.length
  if (cells.length !== expected) {
    return {
      index,
      row,
      problems: [
        {
          file: source,
          row,
          message: `expected ${expected} cells as in the header, found ${cells.length}`,
        },
      ],
    }
  }
  const { document, problems: cellProblems } = csvRecordToDocument(layout, cells)
  const result = validateProfile(document)
  if (result.ok && cellProblems.length === 0) return { index, row, profile: result.value }
  const unread = cellProblems.map((problem) => problem.field)
  const issues = result.ok ? [] : result.error
  const problems: Problem[] = [
    ...cellProblems.map((problem) => ({ file: source, row, ...problem })),
    ...issues
      .map((issue) => formatPath(issue.path))
      .flatMap((field, i) =>
        unread.some(
          (bad) => field === bad || field.startsWith(`${bad}.`) || field.startsWith(`${bad}[`),
        )
          ? []
          : [{ file: source, row, ...(field ? { field } : {}), message: issues[i]?.message ?? '' }],
      ),
  ]
  return { index, row, problems }
}

// csv-parse's own errors (CsvError) carry a `CSV_...` code; anything else is not about the input.
function isCsvError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('CSV_')
  )
}

function syntaxErrorWhere(error: unknown, lastRow: number): { line?: number; row?: number } {
  const lines = error instanceof Error && 'lines' in error ? error.lines : undefined
  return typeof lines === 'number' ? { line: lines } : { row: lastRow + 1 }
}

function csvMessage(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'CSV_MAX_RECORD_SIZE')
    return `a record is larger than the ${MAX_CSV_RECORD_BYTES / 1024} KiB limit`
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^[A-Za-z ]+: /, '').replace(/ at line \d+.*$/, '')
}
