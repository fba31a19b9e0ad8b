import type { ExpressionBuilder, Selectable } from 'kysely'
import { ConflictError } from '../errors/conflict-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, writeAudit } from './context.js'
import type { KeysetPage, PageRequest } from './keyset-page.js'
import { keysetPage } from './keyset-page.js'
import type { Tables } from './schema.js'
import type { ImportStatus } from '../contract/import-statuses.js'
import type { Actor, Timestamp } from './store.js'

export interface ImportJob {
  readonly id: string
  readonly workspaceId: string
  readonly mediaType: string
  readonly status: ImportStatus
  readonly total: number
  readonly processed: number
  readonly accepted: number
  readonly refused: number
  /** Why the whole job failed (status `failed`); row problems are in the job's errors. */
  readonly failure: string | null
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly startedAt: Timestamp | null
  readonly finishedAt: Timestamp | null
  readonly leaseOwner: string | null
  readonly leaseExpiresAt: Timestamp | null
}

/** A job as claimed by a worker, with its payload. */
export interface ClaimedImportJob extends ImportJob {
  readonly payload: string
}

export interface ImportRowError {
  readonly row: number
  readonly field: string
  readonly message: string
}

export interface ImportJobStore {
  create(
    actor: Actor,
    workspaceId: string,
    input: { mediaType: string; payload: string; total: number },
  ): Promise<ImportJob>
  get(workspaceId: string, jobId: string): Promise<ImportJob | null>
  /** Row errors, in row order; NotFoundError when the job is not in the workspace. */
  errors(
    workspaceId: string,
    jobId: string,
    page?: PageRequest,
  ): Promise<KeysetPage<ImportRowError>>
  /**
   * Atomically takes the oldest queued job (or one whose worker's lease ran out) for `workerId`,
   * so each job is processed by exactly one worker across processes. Null when none is waiting.
   */
  claim(workerId: string, leaseMs: number): Promise<ClaimedImportJob | null>
  /**
   * Records a processed chunk: `processed`, `accepted` and `refused` are the job's running totals
   * after the chunk (not increments), `errors` the chunk's new row errors. Call inside
   * `transaction()` together with the rows' own writes, so a resumed job continues exactly after
   * the last committed chunk. Renews the lease. Throws ConflictError when the worker no longer
   * holds the lease.
   */
  recordProgress(
    workspaceId: string,
    jobId: string,
    input: {
      workerId: string
      leaseMs: number
      processed: number
      accepted: number
      refused: number
      errors: readonly ImportRowError[]
    },
  ): Promise<ImportJob>
  /** Ends the job as `done` or `failed`. Throws ConflictError when the lease is lost. */
  finish(
    workspaceId: string,
    jobId: string,
    input: { workerId: string; status: 'done' | 'failed'; failure?: string },
  ): Promise<ImportJob>
}

type JobRow = Selectable<Tables['import_jobs']>

const JOB_COLUMNS = [
  'id',
  'workspace_id',
  'media_type',
  'status',
  'total',
  'processed',
  'accepted',
  'refused',
  'failure',
  'created_at',
  'created_by',
  'started_at',
  'finished_at',
  'lease_owner',
  'lease_expires_at',
] as const

/** Batch import jobs: queued by the API, claimed by exactly one worker at a time. */
export function importJobStore(ctx: StoreContext): ImportJobStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const row: JobRow = {
          id: tx.newId(),
          workspace_id: workspaceId,
          media_type: input.mediaType,
          payload: input.payload,
          status: 'queued',
          total: input.total,
          processed: 0,
          accepted: 0,
          refused: 0,
          failure: null,
          created_at: tx.now(),
          created_by: actor.userId,
          started_at: null,
          finished_at: null,
          lease_owner: null,
          lease_expires_at: null,
        }
        await tx.db.insertInto('import_jobs').values(row).execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'import.create',
          target: `import:${row.id}`,
          before: null,
          after: { mediaType: row.media_type, total: row.total },
        })
        return toImportJob(row)
      })
    },

    async get(workspaceId, jobId) {
      const row = await ctx.db
        .selectFrom('import_jobs')
        .select(JOB_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', jobId)
        .executeTakeFirst()
      return row === undefined ? null : toImportJob(row)
    },

    async errors(workspaceId, jobId, page = {}) {
      const job = await this.get(workspaceId, jobId)
      if (job === null) throw new NotFoundError('import job', jobId)
      const query = ctx.db
        .selectFrom('import_errors')
        .select(['row', 'field', 'message', 'seq'])
        .where('workspace_id', '=', workspaceId)
        .where('job_id', '=', jobId)
      const result = await keysetPage(
        query,
        [
          ['row', 'row'],
          ['seq', 'seq'],
        ],
        'asc',
        page,
        { fallback: 500, max: 1000 },
      )
      return {
        items: result.items.map((e) => ({ row: e.row, field: e.field, message: e.message })),
        nextCursor: result.nextCursor,
      }
    },

    async claim(workerId, leaseMs) {
      const now = ctx.now()
      // One statement: pick the oldest claimable job and take it. On PostgreSQL, FOR UPDATE SKIP
      // LOCKED makes a concurrent claimer pass over a row being taken; SQLite serializes writers.
      const row = await ctx.db
        .updateTable('import_jobs')
        .set((eb) => ({
          status: 'running',
          lease_owner: workerId,
          lease_expires_at: plus(now, leaseMs),
          started_at: eb.fn.coalesce('started_at', eb.val(now)),
        }))
        .where('id', '=', (eb) => {
          const next = eb
            .selectFrom('import_jobs')
            .select('id')
            .where(claimable(now))
            .orderBy('created_at')
            .orderBy('id')
            .limit(1)
          return ctx.dialect === 'postgres' ? next.forUpdate().skipLocked() : next
        })
        .where(claimable(now))
        .returningAll()
        .executeTakeFirst()
      return row === undefined ? null : toClaimedImportJob(row)
    },

    recordProgress(workspaceId, jobId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const result = await tx.db
          .updateTable('import_jobs')
          .set({
            processed: input.processed,
            accepted: input.accepted,
            refused: input.refused,
            lease_expires_at: plus(tx.now(), input.leaseMs),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', jobId)
          .where('status', '=', 'running')
          .where('lease_owner', '=', input.workerId)
          .returning(JOB_COLUMNS)
          .executeTakeFirst()
        if (result === undefined) throw leaseLost(jobId, input.workerId)
        if (input.errors.length > 0) {
          await tx.db
            .insertInto('import_errors')
            .values(
              input.errors.map((error) => ({
                workspace_id: workspaceId,
                job_id: jobId,
                row: error.row,
                field: error.field,
                message: error.message,
              })),
            )
            .execute()
        }
        return toImportJob(result)
      })
    },

    async finish(workspaceId, jobId, input) {
      const row = await ctx.db
        .updateTable('import_jobs')
        .set({
          status: input.status,
          failure: input.failure ?? null,
          finished_at: ctx.now(),
          lease_owner: null,
          lease_expires_at: null,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', jobId)
        .where('status', '=', 'running')
        .where('lease_owner', '=', input.workerId)
        .returning(JOB_COLUMNS)
        .executeTakeFirst()
      if (row === undefined) throw leaseLost(jobId, input.workerId)
      return toImportJob(row)
    },
  }
}

function claimable(now: string) {
  return (eb: ExpressionBuilder<Tables, 'import_jobs'>) =>
    eb.or([
      eb('status', '=', 'queued'),
      eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
    ])
}

function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString()
}

function leaseLost(jobId: string, workerId: string): ConflictError {
  return new ConflictError(`import job "${jobId}" is not running under worker "${workerId}"`)
}

function toImportJob(row: Omit<JobRow, 'payload'>): ImportJob {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    mediaType: row.media_type,
    status: row.status as ImportStatus,
    total: row.total,
    processed: row.processed,
    accepted: row.accepted,
    refused: row.refused,
    failure: row.failure,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
  }
}

function toClaimedImportJob(row: JobRow): ClaimedImportJob {
  return { ...toImportJob(row), payload: row.payload }
}
