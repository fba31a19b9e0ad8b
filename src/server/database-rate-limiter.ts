import type { Store } from '../store/store.js'
import type { RateLimiter, WindowHit } from './rate-limiter.js'

/**
 * Fixed-window counters in the database (`store.rateLimits`), one atomic upsert per hit, so every
 * server process on one PostgreSQL counts against the same limit. Windows are aligned to multiples
 * of `windowMs` by the store, so processes agree on when a window ends.
 */
export class DatabaseRateLimiter implements RateLimiter {
  readonly #store: Store
  readonly #windowMs: number
  readonly #prefix: string

  /** `prefix` keeps these keys apart from other users of the `rate_limits` table. */
  constructor(store: Store, windowMs: number, prefix: string) {
    this.#store = store
    this.#windowMs = windowMs
    this.#prefix = prefix
  }

  async hit(key: string): Promise<WindowHit> {
    const hit = await this.#store.rateLimits.hit(`${this.#prefix}${key}`, this.#windowMs)
    return { count: hit.count, resetAt: Date.parse(hit.resetAt) }
  }
}
