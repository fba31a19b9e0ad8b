import type { InitiativeDetail, InitiativeInput, Stage } from '../../store/operations-records.js'
import type { Problem } from '../../errors/app-error.js'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { currentMeasure, latestCaio, latestCto } from '../../engine/operations/index.js'
import { STAGES, VISIBILITIES } from '../../engine/operations/vocabulary.js'
import { AI_FUNCTIONS } from '../../engine/vocabulary.js'
import { csvRow } from '../../report/csv-cell.js'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { MAX_CSV_RECORD_BYTES } from '../../io/limits.js'
import { daySchema } from '../../engine/operations/operations-schema.js'
import { initiativeOf } from './to-engine.js'

// The register as CSV (operate.md §1 "Bulk import and export"): one row per initiative, flattened
// columns. Export cells go through the shared CSV cell writer (formula-injection safe, RFC 4180).
// Import takes the register's own fields; a bad row is reported by row number and field, and the
// valid rows are kept.

export const EXPORT_COLUMNS = [
  'id',
  'title',
  'summary',
  'functions',
  'stage',
  'stage_since',
  'owner_seat',
  'owner_member_id',
  'review_by',
  'visibility',
  'archived',
  'cto_build',
  'cto_scale',
  'cto_secure',
  'caio_should',
  'caio_value',
  'metric',
  'unit',
  'baseline',
  'target',
  'latest_measurement_at',
  'latest_measurement_value',
  'created_at',
] as const

/** Columns an import reads; `title` is required. */
export const IMPORT_COLUMNS = [
  'title',
  'summary',
  'functions',
  'stage',
  'owner_seat',
  'owner_member_id',
  'review_by',
  'visibility',
] as const
type ImportColumn = (typeof IMPORT_COLUMNS)[number]

export const MAX_IMPORT_ROWS = 5000

export function initiativesCsv(initiatives: readonly InitiativeDetail[]): string {
  let out = csvRow(EXPORT_COLUMNS)
  for (const detail of initiatives) {
    const initiative = initiativeOf(detail)
    const cto = latestCto(initiative)
    const caio = latestCaio(initiative)
    const measure = currentMeasure(initiative)
    const latest = detail.measurements.at(-1)
    out += csvRow([
      detail.id,
      detail.title,
      detail.summary,
      detail.functions.join(';'),
      detail.stage,
      detail.stageSince,
      detail.owner?.seat ?? null,
      detail.owner?.memberId ?? null,
      detail.reviewBy,
      detail.visibility,
      detail.archived,
      cto?.build ?? null,
      cto?.scale ?? null,
      cto?.secure ?? null,
      caio?.should ?? null,
      caio?.value ?? null,
      measure?.metric ?? null,
      measure?.unit ?? null,
      measure?.baseline ?? null,
      measure?.target ?? null,
      latest?.at ?? null,
      latest?.value ?? null,
      detail.createdAt,
    ])
  }
  return out
}

export interface CsvRowInput {
  readonly row: number
  readonly input: InitiativeInput & { readonly stage: Stage }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
// eslint-disable-next-line no-control-regex -- refuse control characters in cells
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const cellSchemas: Record<ImportColumn, z.ZodType> = {
  title: z.string().trim().min(1, 'a title is required').max(200),
  summary: z.string().max(5000),
  functions: z.array(z.enum(AI_FUNCTIONS)),
  stage: z.enum(STAGES),
  owner_seat: z.string().trim().min(1).max(60),
  owner_member_id: z.string().trim().min(1).max(200),
  review_by: daySchema,
  visibility: z.enum(VISIBILITIES),
}

/**
 * The rows of an initiatives CSV, each as an input or its problems. A header that is not the
 * register's (an unknown or forbidden column, no `title`) throws InvalidInputError naming row 1.
 */
export function readInitiativesCsv(text: string): {
  readonly rows: readonly CsvRowInput[]
  readonly problems: readonly Problem[]
} {
  let records: string[][]
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_CSV_RECORD_BYTES,
    })
  } catch (error) {
    throw new InvalidInputError('the CSV cannot be read', [
      { field: 'csv', message: error instanceof Error ? error.message : String(error) },
    ])
  }
  const [header, ...data] = records
  if (!header) throw new InvalidInputError('the CSV is empty', [{ row: 1, message: 'no header' }])
  const columns = header.map((name) => name.trim())
  const headerProblems: Problem[] = []
  for (const name of columns) {
    if (FORBIDDEN.has(name))
      headerProblems.push({ row: 1, field: name, message: 'forbidden column' })
    else if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      headerProblems.push({
        row: 1,
        field: name,
        message: `unknown column; expected one of ${IMPORT_COLUMNS.join(', ')}`,
      })
    }
  }
  if (!columns.includes('title'))
    headerProblems.push({ row: 1, field: 'title', message: 'required column' })
  if (headerProblems.length > 0)
    throw new InvalidInputError('the CSV header is not the register’s', headerProblems)
  if (data.length > MAX_IMPORT_ROWS) {
    throw new InvalidInputError('too many rows', [
      { field: 'csv', message: `at most ${MAX_IMPORT_ROWS} rows per import` },
    ])
  }
  const rows: CsvRowInput[] = []
  const problems: Problem[] = []
  data.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((cell) => cell.trim() === '')) return
    const values: Partial<Record<ImportColumn, unknown>> = {}
    const rowProblems: Problem[] = []
    columns.forEach((column, i) => {
      const raw = (cells[i] ?? '').trim()
      if (raw === '') return
      if (CONTROL.test(raw)) {
        rowProblems.push({ row, field: column, message: 'no control characters' })
        return
      }
      const key = column as ImportColumn
      const value =
        key === 'functions'
          ? raw
              .split(';')
              .map((f) => f.trim())
              .filter(Boolean)
          : raw
      const parsed = cellSchemas[key].safeParse(value)
      if (parsed.success) values[key] = parsed.data
      else
        rowProblems.push({
          row,
          field: column,
          message: parsed.error.issues[0]?.message ?? 'invalid',
        })
    })
    if (values.title === undefined && !rowProblems.some((p) => p.field === 'title')) {
      rowProblems.push({ row, field: 'title', message: 'a title is required' })
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems)
      return
    }
    rows.push({
      row,
      input: {
        title: values.title as string,
        stage: (values.stage as Stage | undefined) ?? 'idea',
        ...(values.summary !== undefined ? { summary: values.summary as string } : {}),
        ...(values.functions !== undefined ? { functions: values.functions as string[] } : {}),
        ...(values.review_by !== undefined ? { reviewBy: values.review_by as string } : {}),
        ...(values.visibility !== undefined
          ? { visibility: values.visibility as 'client' | 'internal' }
          : {}),
        owner:
          values.owner_seat === undefined
            ? null
            : {
                seat: values.owner_seat as string,
                memberId: (values.owner_member_id as string | undefined) ?? null,
              },
      },
    })
  })
  return { rows, problems }
}
