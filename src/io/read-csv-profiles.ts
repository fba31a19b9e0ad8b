import type { Readable } from 'node:stream'
import type { Problem } from '../errors/app-error.js'
import type { CsvLayout } from './csv-profile.js'
import type { ProfileRecord } from './read-profiles.js'
import type { Options } from 'csv-parse'
import { parse } from 'csv-parse'
import { formatPath, validateProfile } from '../engine/validate-profile.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { checkCsvHeader, csvLayout, csvRecordToDocument, isBlankRecord } from './csv-profile.js'
import { MAX_CSV_RECORD_BYTES } from './limits.js'

/** One data row of a CSV file, not yet validated: what `csvRowToRecord` turns into a record. */
export interface CsvRow {
  readonly index: number
  readonly row: number
  readonly cells: readonly string[]
}

/**
 * Reads one profile per CSV row, streaming. Rows are numbered as a spreadsheet shows them: the
 * header is row 1 and empty lines count. A bad header, or a syntax error that leaves the rest of
 * the file unreadable (an unclosed quote, a record over the size limit), throws.
 */
export async function* readCsvProfiles(
  stream: Readable,
  source: string,
): AsyncGenerator<ProfileRecord> {
  let layout: CsvLayout | null = null
  for await (const item of readCsvRows(stream, source)) {
    if ('layout' in item) layout = item.layout
    else if (layout) for (const row of item) yield csvRowToRecord(row, source, layout)
  }
}

/**
 * The rows of a CSV file with their spreadsheet numbers, in chunks of up to `chunkSize`, after the
 * header's layout (yielded first), without validating them: `tandem batch` validates them on a worker
 * thread. Records are drained from the parser synchronously, without a promise per record.
 */
export async function* readCsvRows(
  stream: Readable,
  source: string,
  chunkSize = 512,
): AsyncGenerator<readonly CsvRow[] | { readonly layout: CsvLayout }> {
  // Empty lines come through as one empty cell: counting every record gives the spreadsheet row
  // without csv-parse's costly `info` option.
  const options: Options & { readonly highWaterMark: number } = {
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_CSV_RECORD_BYTES,
    // Buffer a chunk's worth of records (the object-mode default is 16), so each wake-up drains many:
    // measured, this halves the time of `tandem batch` on a large file (docs/benchmarks.md).
    highWaterMark: chunkSize,
  }
  const parser = stream.pipe(parse(options))
  let header: string[] | null = null
  let index = 0
  let row = 0
  // Set from stream callbacks, read in the loop through a function so the check is not narrowed away.
  const state: { failure: Error | null } = { failure: null }
  const throwIfFailed = (): void => {
    if (state.failure) throw state.failure
  }
  parser.on('error', (error: Error) => (state.failure ??= error))
  stream.on('error', (error: Error) => (state.failure ??= error))
  try {
    for (;;) {
      let chunk: CsvRow[] = []
      let record = parser.read() as string[] | null
      while (record !== null) {
        row++
        if (!header) {
          if (!isBlankRecord(record)) {
            header = record.map((cell) => cell.trim())
            const problems = checkCsvHeader(header)
            if (problems.length > 0) {
              throw new InvalidInputError(
                `${source}: the header row is not valid`,
                problems.map((message) => ({ file: source, row, message })),
              )
            }
            yield { layout: csvLayout(header) }
          }
        } else if (!isBlankRecord(record)) {
          chunk.push({ index: index++, row, cells: record })
          if (chunk.length === chunkSize) {
            yield chunk
            chunk = []
          }
        }
        record = parser.read() as string[] | null
      }
      if (chunk.length > 0) yield chunk
      throwIfFailed()
      if (parser.readableEnded) break
      await new Promise<void>((resolve) => {
        const wake = () => {
          parser.off('readable', wake)
          parser.off('end', wake)
          parser.off('error', wake)
          resolve()
        }
        parser.on('readable', wake)
        parser.on('end', wake)
        parser.on('error', wake)
      })
      throwIfFailed()
      if (parser.readableEnded && parser.readableLength === 0) break
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

/** Validates one CSV row as a profile; problems name the row and the field. */
export function csvRowToRecord(
  { index, row, cells }: CsvRow,
  source: string,
  layout: CsvLayout,
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
  // The header's keys were checked once (checkCsvHeader): no row can hold a forbidden key.
  const result = validateProfile(document, { keysChecked: true })
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
