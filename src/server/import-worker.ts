import type { FastifyBaseLogger } from 'fastify'
import type { ProfileFormat, ProfileRecord } from '../io/read-profiles.js'
import type { ClaimedImportJob, ImportRowError, Store } from '../store/store.js'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { formatProblem } from '../errors/app-error.js'
import { readProfiles } from '../io/read-profiles.js'

// Batch imports run as jobs: any server process may claim one (the store makes the claim atomic),
// rows are committed in chunks together with the job's progress, so a job resumed after a crash
// continues after the last committed chunk and no row is imported twice.

export const IMPORT_MEDIA_TYPES: Readonly<Record<string, ProfileFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
}
const CHUNK_ROWS = 50
const LEASE_MS = 30_000
const POLL_MS = 1_000

export class ImportWorker {
  readonly #store: Store
  readonly #log: FastifyBaseLogger
  readonly #id = `worker-${randomUUID()}`
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null
  #stopped = false

  constructor(store: Store, log: FastifyBaseLogger) {
    this.#store = store
    this.#log = log
  }

  start(): void {
    this.#stopped = false
    this.#schedule(0)
  }

  /** Looks for work now (after an upload) instead of at the next poll. */
  kick(): void {
    if (!this.#stopped && !this.#running) this.#schedule(0)
  }

  /** Stops polling and waits for the chunk in progress. */
  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    await this.#running
  }

  /** Claims and processes queued jobs until none is left; returns how many it processed. */
  async drain(): Promise<number> {
    let count = 0
    for (;;) {
      if (this.#stopped) return count
      const job = await this.#store.imports.claim(this.#id, LEASE_MS)
      if (!job) return count
      await this.#process(job)
      count++
    }
  }

  #schedule(delay: number): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.#log.error({ err: error }, 'import worker failed'))
        .finally(() => {
          this.#running = null
          if (!this.#stopped) this.#schedule(POLL_MS)
        })
    }, delay)
    this.#timer.unref()
  }

  async #process(job: ClaimedImportJob): Promise<void> {
    const format = IMPORT_MEDIA_TYPES[job.mediaType] ?? 'yaml'
    const totals = { processed: job.processed, accepted: job.accepted, refused: job.refused }
    let chunk: ProfileRecord[] = []
    const flush = async () => {
      const rows = chunk
      chunk = []
      const next = { ...totals }
      await this.#store.transaction(async (tx) => {
        const errors: ImportRowError[] = []
        for (const record of rows) {
          if (record.profile) {
            await tx.organizations.create({ userId: job.createdBy }, job.workspaceId, {
              profile: record.profile,
            })
            next.accepted++
          } else {
            next.refused++
            errors.push(...rowErrors(record))
          }
        }
        next.processed += rows.length
        await tx.imports.recordProgress(job.workspaceId, job.id, {
          workerId: this.#id,
          leaseMs: LEASE_MS,
          ...next,
          errors,
        })
      })
      Object.assign(totals, next)
    }
    try {
      const records = readProfiles(Readable.from([job.payload]), { format, source: 'upload' })
      for await (const record of records) {
        // Rows committed by an earlier worker of this job are skipped, not imported twice.
        if (record.index < job.processed) continue
        chunk.push(record)
        if (chunk.length >= CHUNK_ROWS) {
          await flush()
          // Shutting down: leave the job; another worker resumes it after this chunk when the lease ends.
          if (this.#stopped) return
        }
      }
      if (chunk.length > 0) await flush()
      await this.#store.imports.finish(job.workspaceId, job.id, {
        workerId: this.#id,
        status: 'done',
      })
    } catch (error) {
      this.#log.warn({ err: error, jobId: job.id }, 'import job failed')
      const failure = error instanceof Error ? error.message : 'the import could not be read'
      await this.#store.imports
        .finish(job.workspaceId, job.id, { workerId: this.#id, status: 'failed', failure })
        .catch((finishError: unknown) => {
          this.#log.error({ err: finishError }, 'could not mark the import failed')
        })
    }
  }
}

function rowErrors(record: ProfileRecord): ImportRowError[] {
  const row = record.row ?? record.line ?? record.index + 1
  return (record.problems ?? []).map((problem) => ({
    row,
    field: problem.field ?? '',
    message: problem.field ? problem.message : formatProblem(problem),
  }))
}
