import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { ConflictError } from '../errors/conflict-error.js'
import { QuotaExceededError } from '../errors/quota-exceeded-error.js'
import type { Actor, Dialect } from './store.js'
import type { Tables } from './schema.js'

/** What every aggregate store works with: a database handle (maybe a transaction), time, ids. */
export interface StoreContext {
  readonly db: Kysely<Tables>
  readonly dialect: Dialect
  readonly inTransaction: boolean
  /** Now as ISO-8601 UTC. */
  readonly now: () => string
  readonly newId: () => string
}

/** Runs `fn` in a write transaction, or in the current one when already inside. */
export async function inWriteTransaction<T>(
  ctx: StoreContext,
  fn: (tx: StoreContext) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return fn(ctx)
  if (ctx.dialect === 'sqlite') {
    // Kysely's SqliteDialect starts transactions with a plain BEGIN, which takes the write lock
    // only at the first write and can then fail with SQLITE_BUSY without waiting. BEGIN IMMEDIATE
    // takes it up front, under the busy timeout (reliability.md §D).
    return ctx.db.connection().execute(async (connection) => {
      await sql`BEGIN IMMEDIATE`.execute(connection)
      try {
        const result = await fn({ ...ctx, db: connection, inTransaction: true })
        await sql`COMMIT`.execute(connection)
        return result
      } catch (error) {
        // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR); the error
        // worth reporting is the first one, not "no transaction is active".
        await sql`ROLLBACK`.execute(connection).catch(() => undefined)
        throw error
      }
    })
  }
  return ctx.db
    .transaction()
    .execute((trx: Transaction<Tables>) => fn({ ...ctx, db: trx, inTransaction: true }))
}

/**
 * Serializes read-then-write changes within one workspace on PostgreSQL (two owners demoting each
 * other, two uploads numbering playbook revisions). SQLite writers are already serialized by
 * BEGIN IMMEDIATE. Call inside the change's transaction.
 */
export async function lockWorkspace(ctx: StoreContext, workspaceId: string): Promise<void> {
  if (ctx.dialect !== 'postgres') return
  await ctx.db
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .forUpdate()
    .execute()
}

/** Appends the one audit row of a change; call inside the change's transaction. */
export async function writeAudit(
  ctx: StoreContext,
  row: {
    actor: Actor
    workspaceId: string
    action: string
    target: string
    before: unknown
    after: unknown
  },
): Promise<void> {
  if (!ctx.inTransaction) throw new Error('writeAudit must run inside the change transaction')
  await assertRoomForChange(ctx, row.workspaceId)
  await ctx.db
    .insertInto('audit_log')
    .values({
      workspace_id: row.workspaceId,
      at: ctx.now(),
      actor_id: row.actor.userId,
      action: row.action,
      target: row.target,
      before: toJson(row.before),
      after: toJson(row.after),
    })
    .execute()
}

/**
 * A visitor's demo workspace holds at most `max_changes` audit rows — every change writes exactly
 * one — so its size is bounded by that many changes of at most the body limit each. Other
 * workspaces have no demo row and no limit.
 */
async function assertRoomForChange(ctx: StoreContext, workspaceId: string): Promise<void> {
  const demo = await ctx.db
    .selectFrom('demo_workspaces')
    .select('max_changes')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  if (!demo) return
  const row = await ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  if (Number(row.count) >= demo.max_changes) {
    throw new QuotaExceededError(
      `this demo workspace is full (${demo.max_changes} changes); start a new demo from the ` +
        'sign-in page, or sign in with an account',
    )
  }
}

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T)
}

/** Throws a stale-write ConflictError when a versioned update matched no row. */
export function assertUpdated(
  updated: number | bigint | undefined,
  kind: string,
  id: string,
  expected: number,
  actual: number,
): void {
  if (Number(updated ?? 0) === 0) throw ConflictError.stale(kind, id, expected, actual)
}

/** True for a unique or primary-key violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

/** Clamps a page size from the request to 1..max (default `fallback`). */
export function pageLimit(limit: number | undefined, fallback = 50, max = 200): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback
  return Math.min(Math.max(Math.trunc(limit), 1), max)
}

export function pageOffset(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0
  return Math.max(Math.trunc(offset), 0)
}
