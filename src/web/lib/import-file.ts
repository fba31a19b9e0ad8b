import { IMPORT_FORMATS } from '../api/types.js'

// Which content type a chosen file is sent as (docs/api.md: imports take CSV, NDJSON or YAML).

/** The content type for a file name, or null when the import does not read that kind of file. */
export function importContentType(fileName: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (!extension || !(extension in IMPORT_FORMATS)) return null
  return IMPORT_FORMATS[extension as keyof typeof IMPORT_FORMATS]
}

/** Statuses after which an import job changes no more. */
export const FINISHED_IMPORT_STATUSES = [
  'done',
  'completed',
  'complete',
  'finished',
  'failed',
  'error',
] as const

/** True once the job is over: a final status, or every row processed. */
export function importFinished(job: { status: string; processed: number; total: number }): boolean {
  return (
    (FINISHED_IMPORT_STATUSES as readonly string[]).includes(job.status) ||
    (job.total > 0 &&
      job.processed >= job.total &&
      job.status !== 'running' &&
      job.status !== 'queued')
  )
}

/** Whole percent of rows processed, 0 when the total is not known yet. */
export function importPercent(job: { processed: number; total: number }): number {
  if (job.total <= 0) return 0
  return Math.min(100, Math.round((job.processed / job.total) * 100))
}
