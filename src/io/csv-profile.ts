import { FORBIDDEN_KEYS } from '../contract/forbidden-keys.js'

// One organization profile per CSV row, with flattened column names (framework.md §2). The syntax
// of list cells is documented in docs/formats.md; keep the two in step.

type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'list' | 'use-cases' | 'seats'

const COLUMN_KINDS = {
  name: 'text',
  employees: 'integer',
  engineers: 'integer',
  products: 'integer',
  industry: 'text',
  'ai.centrality': 'text',
  'ai.functions': 'list',
  'ai.useCases': 'use-cases',
  'ai.stakes': 'text',
  'budget.fullTimeLeaders': 'integer',
  'current.seats': 'seats',
  'current.roleCharter': 'boolean',
  'current.alignmentMeetingsPerMonth': 'number',
  'current.aiPilots': 'integer',
  'current.aiInProduction': 'integer',
  'current.roiMeasured': 'boolean',
} as const satisfies Record<string, ColumnKind>

export type CsvColumn = keyof typeof COLUMN_KINDS
export const CSV_COLUMNS = Object.keys(COLUMN_KINDS) as readonly CsvColumn[]
/** Columns without which no row can be a valid profile: their absence refuses the whole file. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'name',
  'employees',
  'engineers',
  'ai.centrality',
]

/** Field-level problem of one cell; the caller adds file and row. */
export interface CellProblem {
  readonly field: string
  readonly message: string
}

/** Checks a header row; every problem refuses the whole file (columns are a file-level matter). */
export function checkCsvHeader(header: readonly string[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const raw of header) {
    const column = raw.trim()
    if (FORBIDDEN_KEYS.has(column) || column.split('.').some((part) => FORBIDDEN_KEYS.has(part))) {
      problems.push(`the column "${column}" is not allowed`)
    } else if (!(column in COLUMN_KINDS)) {
      problems.push(`unknown column "${column}"; expected one of: ${CSV_COLUMNS.join(', ')}`)
    } else if (seen.has(column)) {
      problems.push(`the column "${column}" appears twice`)
    }
    seen.add(column)
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !seen.has(column))
  if (missing.length > 0) problems.push(`missing required column(s): ${missing.join(', ')}`)
  return problems
}

/** A header compiled once per file: each column's path and kind, so rows convert without parsing names. */
export interface CsvLayout {
  readonly columns: readonly {
    readonly name: string
    readonly path: readonly string[]
    readonly kind: ColumnKind
  }[]
}

/** Compiles a header that `checkCsvHeader` accepted. */
export function csvLayout(header: readonly string[]): CsvLayout {
  return {
    columns: header.map((raw) => {
      const name = raw.trim() as CsvColumn
      return { name, path: name.split('.'), kind: COLUMN_KINDS[name] }
    }),
  }
}

/**
 * Turns one CSV record into a profile document (not yet validated). Empty cells are absent
 * fields; a cell that cannot be read is left out and reported, so validation does not repeat it.
 */
export function csvRecordToDocument(
  layout: CsvLayout,
  cells: readonly string[],
): { readonly document: Record<string, unknown>; readonly problems: readonly CellProblem[] } {
  const document: Record<string, unknown> = {}
  const problems: CellProblem[] = []
  layout.columns.forEach((column, index) => {
    const cell = (cells[index] ?? '').trim()
    if (cell === '') return
    const converted = convert(column.name, column.kind, cell)
    if ('problem' in converted) problems.push(converted.problem)
    else setPath(document, column.path, converted.value)
  })
  return { document, problems }
}

/** True when a record has no content at all (a trailing `,,,` row that spreadsheets export). */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

type Converted = { readonly value: unknown } | { readonly problem: CellProblem }

function convert(column: string, kind: ColumnKind, cell: string): Converted {
  switch (kind) {
    case 'text':
      return { value: cell }
    case 'integer':
      return /^[+-]?\d+$/.test(cell)
        ? { value: Number(cell) }
        : { problem: { field: column, message: `expected a whole number, got "${cell}"` } }
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell)
        ? { value: Number(cell) }
        : { problem: { field: column, message: `expected a number, got "${cell}"` } }
    case 'boolean':
      return booleanCell(column, cell)
    case 'list':
      return { value: listItems(cell) }
    case 'use-cases':
      return { value: listItems(cell).map(useCaseItem) }
    case 'seats':
      return seatsCell(column, cell)
  }
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0'])

function booleanCell(column: string, cell: string): Converted {
  const word = cell.toLowerCase()
  if (TRUE_WORDS.has(word)) return { value: true }
  if (FALSE_WORDS.has(word)) return { value: false }
  return {
    problem: { field: column, message: `expected true or false (or yes/no), got "${cell}"` },
  }
}

function listItems(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

// `name:area`; the area follows the last colon, so a name may itself contain colons.
function useCaseItem(item: string): { name: string; area?: string } {
  const colon = item.lastIndexOf(':')
  if (colon === -1) return { name: item }
  const area = item.slice(colon + 1).trim()
  const name = item.slice(0, colon).trim()
  return area === '' ? { name } : { name, area }
}

const SEAT_FLAGS: Readonly<Record<string, readonly [string, boolean]>> = {
  'shipped-ai': ['shippedAiSystems', true],
  'no-shipped-ai': ['shippedAiSystems', false],
  'led-tech': ['ledTechOrg', true],
  'no-led-tech': ['ledTechOrg', false],
}

// `TITLE:ENGAGEMENT[:flag...]`, e.g. `CAIO:fractional:shipped-ai` or `CTO:full-time:responsibilities=17`.
function seatsCell(column: string, cell: string): Converted {
  const seats: Record<string, unknown>[] = []
  for (const [index, item] of listItems(cell).entries()) {
    const [title = '', engagement, ...flags] = item.split(':').map((part) => part.trim())
    const seat: Record<string, unknown> = { title }
    if (engagement) seat['engagement'] = engagement
    for (const flag of flags) {
      const known = SEAT_FLAGS[flag]
      const responsibilities = /^responsibilities=(\d+)$/.exec(flag)
      if (known) seat[known[0]] = known[1]
      else if (responsibilities) seat['responsibilities'] = Number(responsibilities[1])
      else {
        return {
          problem: {
            field: `${column}[${index}]`,
            message: `unknown seat flag "${flag}"; expected shipped-ai, no-shipped-ai, led-tech, no-led-tech or responsibilities=N`,
          },
        }
      }
    }
    seats.push(seat)
  }
  return { value: seats }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path
  if (head === undefined) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const child = target[head]
  const next: Record<string, unknown> =
    typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {}
  target[head] = next
  setPath(next, rest, value)
}
