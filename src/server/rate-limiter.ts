import type { Store } from '../store/store.js'
import { DatabaseRateLimiter } from './database-rate-limiter.js'
import { MemoryRateLimiter } from './memory-rate-limiter.js'

// Two ways to count the anonymous assess/classify limit (TANDEM_RATE_LIMIT). `memory` counts in this
// process: free, but N processes allow N times the rate; right for SQLite, which is one server process
// by design. `database` counts in the shared `rate_limits` table, so every process on one PostgreSQL
// sees one counter; it costs one upsert per request.

/** The window of the anonymous assess/classify limit (`TANDEM_ASSESS_RATE` per window). */
export const ASSESS_RATE_WINDOW_MS = 60_000

export const RATE_LIMIT_MODES = ['memory', 'database'] as const
export type RateLimitMode = (typeof RATE_LIMIT_MODES)[number]

/** The count of `key` in its current fixed window and when that window ends (epoch ms). */
export interface WindowHit {
  readonly count: number
  readonly resetAt: number
}

/** Fixed-window request counters; `hit` answers at once in memory, or with a promise from the database. */
export interface RateLimiter {
  hit(key: string, now: number): WindowHit | Promise<WindowHit>
}

/** The limiter a configuration names, counting per window of `windowMs`. */
export function createRateLimiter(
  mode: RateLimitMode,
  store: Store,
  windowMs: number,
  prefix: string,
): RateLimiter {
  return mode === 'database'
    ? new DatabaseRateLimiter(store, windowMs, prefix)
    : new MemoryRateLimiter(windowMs)
}
