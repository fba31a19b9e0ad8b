import type { StoreContext } from './context.js'
import type { Timestamp } from './store.js'
import { sql } from 'kysely'
import { DemoFullError } from '../errors/demo-full-error.js'
import { inWriteTransaction } from './context.js'

/** A visitor's private demo workspace. */
export interface DemoWorkspace {
  readonly workspaceId: string
  readonly userId: string
  /** Audit rows (changes, the seed's included) the workspace may hold. */
  readonly maxChanges: number
  readonly createdAt: Timestamp
}

export interface DemoStore {
  /**
   * Inside a transaction, before creating a demo: waits for any other demo being created (a lock
   * on PostgreSQL; SQLite writers are serialized already) and throws DemoFullError when `max`
   * demo workspaces exist, so concurrent visitors cannot pass the cap together.
   */
  reserve(max: number): Promise<void>
  /** Marks a workspace as the demo of `userId`; call in the transaction that created both. */
  register(input: { workspaceId: string; userId: string; maxChanges: number }): Promise<void>
  /** The demo workspace of a demo visitor, or null. */
  findForUser(userId: string): Promise<DemoWorkspace | null>
  count(): Promise<number>
  /**
   * Deletes demo workspaces idle for `idleMs` — no session of their visitor used since — with
   * their visitor's account, sessions and tokens. Returns how many were deleted.
   */
  prune(idleMs: number): Promise<number>
}

// Any constant key: it only serializes demo creation, nothing else takes it.
const DEMO_LOCK_KEY = 7_263_391

export function demoStore(ctx: StoreContext): DemoStore {
  return {
    async reserve(max) {
      if (!ctx.inTransaction) throw new Error('demos.reserve must run inside a transaction')
      if (ctx.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`.execute(ctx.db)
      }
      const count = await countDemos(ctx)
      if (count >= max) {
        throw new DemoFullError(
          `all ${max} demo workspaces are in use; try again later, or sign in with an account`,
        )
      }
    },

    async register(input) {
      await ctx.db
        .insertInto('demo_workspaces')
        .values({
          workspace_id: input.workspaceId,
          user_id: input.userId,
          max_changes: input.maxChanges,
          created_at: ctx.now(),
        })
        .execute()
    },

    async findForUser(userId) {
      const row = await ctx.db
        .selectFrom('demo_workspaces')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst()
      if (!row) return null
      return {
        workspaceId: row.workspace_id,
        userId: row.user_id,
        maxChanges: row.max_changes,
        createdAt: row.created_at,
      }
    },

    count() {
      return countDemos(ctx)
    },

    prune(idleMs) {
      return inWriteTransaction(ctx, (tx) => pruneIdle(tx, idleMs))
    },
  }
}

// A new demo's session is created just after its transaction commits: never prune one this young.
const SIGN_IN_GRACE_MS = 10 * 60_000

// At most this many demos per pass: a pass stays short even after a long outage.
const PRUNE_BATCH = 500

async function pruneIdle(ctx: StoreContext, idleMs: number): Promise<number> {
  const now = ctx.now()
  const cutoff = new Date(Date.parse(now) - idleMs).toISOString()
  const grace = new Date(Date.parse(now) - SIGN_IN_GRACE_MS).toISOString()
  // Idle: no live session of its visitor seen within idleMs, and created before that (a demo whose
  // first session is being set up is not). Sooner, once its visitor has no session at all (signed
  // out, or the session timed out): nobody can ever reach it again.
  const idle = await ctx.db
    .selectFrom('demo_workspaces as d')
    .select(['d.workspace_id', 'd.user_id'])
    .where((eb) => {
      const sessions = () =>
        eb
          .selectFrom('sessions as s')
          .select('s.id')
          .whereRef('s.user_id', '=', 'd.user_id')
          .where('s.expires_at', '>', now)
      return eb.or([
        eb.and([
          eb('d.created_at', '<=', cutoff),
          eb.not(eb.exists(sessions().where('s.last_seen_at', '>', cutoff))),
        ]),
        eb.and([eb('d.created_at', '<=', grace), eb.not(eb.exists(sessions()))]),
      ])
    })
    .orderBy('d.created_at')
    .limit(PRUNE_BATCH)
    .execute()
  if (idle.length === 0) return 0
  // Deleting the workspace cascades to everything in it and to its demo row; the audit trail
  // stays (it has no foreign key and is append-only).
  await ctx.db
    .deleteFrom('workspaces')
    .where(
      'id',
      'in',
      idle.map((row) => row.workspace_id),
    )
    .execute()
  await ctx.db
    .deleteFrom('users')
    .where(
      'id',
      'in',
      idle.map((row) => row.user_id),
    )
    .execute()
  return idle.length
}

async function countDemos(ctx: StoreContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('demo_workspaces')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
