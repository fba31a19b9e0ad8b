import { sql } from 'kysely'
import type { StoreContext } from './context.js'
import type { Timestamp } from './store.js'

/** Fixed-window request counters in the database, shared by every server process. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: Timestamp }>
  reset(key: string): Promise<void>
}

/** Fixed-window counters, one row per key, updated by a single atomic upsert. */
export function rateLimitStore(ctx: StoreContext): RateLimitStore {
  return {
    async hit(key, windowMs) {
      const now = Date.parse(ctx.now())
      const start = Math.floor(now / windowMs) * windowMs
      const windowStart = new Date(start).toISOString()
      const row = await ctx.db
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
            window_start: sql<string>`excluded.window_start`,
          }),
        )
        .returning(['count'])
        .executeTakeFirstOrThrow()
      return { count: Number(row.count), resetAt: new Date(start + windowMs).toISOString() }
    },

    async reset(key) {
      await ctx.db.deleteFrom('rate_limits').where('key', '=', key).execute()
    },
  }
}
