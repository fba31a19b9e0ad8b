import { sql } from 'kysely'
import type { StoreContext } from './context.js'
import { inWriteTransaction } from './context.js'

/** Failed-login counters in the database, so every server process sees the same count. */
export interface LoginThrottleStore {
  /** Records one failure for each key (e.g. `account:a@b.c`, `ip:1.2.3.4`); returns counts in the window. */
  recordFailure(keys: readonly string[], windowMs: number): Promise<readonly number[]>
  failures(key: string, windowMs: number): Promise<number>
  /** Forgets a key's failures (after a successful login). */
  reset(key: string): Promise<void>
  /**
   * Reserves one attempt for every key before the password is checked, atomically across
   * requests, connections and server processes: when a key already has `max` attempts in the
   * window, records nothing and returns null; otherwise records one attempt per key (it counts as a
   * failure until released) and returns the ids to `release`.
   */
  reserve(keys: readonly string[], windowMs: number, max: number): Promise<readonly number[] | null>
  /** Forgets reserved attempts that succeeded. */
  release(ids: readonly number[]): Promise<void>
}

/** Sliding-window failed-login counts kept in the database, so all server processes agree. */
export function loginThrottleStore(ctx: StoreContext): LoginThrottleStore {
  return {
    recordFailure(keys, windowMs) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const since = minus(now, windowMs)
        const counts: number[] = []
        for (const key of keys) {
          // Old failures of this key no longer count; drop them so the table stays small.
          await tx.db
            .deleteFrom('login_failures')
            .where('key', '=', key)
            .where('at', '<=', since)
            .execute()
          await tx.db.insertInto('login_failures').values({ key, at: now }).execute()
          counts.push(await countSince(tx, key, since))
        }
        return counts
      })
    },

    failures(key, windowMs) {
      return countSince(ctx, key, minus(ctx.now(), windowMs))
    },

    async reset(key) {
      await ctx.db.deleteFrom('login_failures').where('key', '=', key).execute()
    },

    reserve(keys, windowMs, max) {
      return inWriteTransaction(ctx, async (tx) => {
        // SQLite: BEGIN IMMEDIATE already serializes writers. PostgreSQL: a transaction-scoped lock
        // per key (in a fixed order, so two requests never wait on each other crosswise) makes the
        // count and the insert one step for every connection of every process.
        if (tx.dialect === 'postgres') {
          for (const key of [...keys].sort()) {
            await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx.db)
          }
        }
        const now = tx.now()
        const since = minus(now, windowMs)
        for (const key of keys) {
          if ((await countSince(tx, key, since)) >= max) return null
        }
        const ids: number[] = []
        for (const key of keys) {
          const row = await tx.db
            .insertInto('login_failures')
            .values({ key, at: now })
            .returning('seq')
            .executeTakeFirstOrThrow()
          ids.push(Number(row.seq))
        }
        return ids
      })
    },

    async release(ids) {
      if (ids.length === 0) return
      await ctx.db
        .deleteFrom('login_failures')
        .where('seq', 'in', [...ids])
        .execute()
    },
  }
}

async function countSince(ctx: StoreContext, key: string, since: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

function minus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) - ms).toISOString()
}
