import type { RateLimiter, WindowHit } from './rate-limiter.js'

// Fixed-window request counters held in this process (TANDEM_RATE_LIMIT=memory, the default on
// SQLite). Kept out of the database on purpose there: a write per stateless request would cost more
// than the assessment itself (SQLite commits are synchronous). With N processes the limit is N
// times higher, which is why PostgreSQL defaults to the database limiter.

const MAX_KEYS = 100_000

export class MemoryRateLimiter implements RateLimiter {
  readonly #windowMs: number
  readonly #counts = new Map<string, { count: number; resetAt: number }>()

  constructor(windowMs: number) {
    this.#windowMs = windowMs
  }

  /** Counts one hit for `key`, synchronously. */
  hit(key: string, now: number): WindowHit {
    let entry = this.#counts.get(key)
    if (!entry || entry.resetAt <= now) {
      if (this.#counts.size >= MAX_KEYS) this.#evict(now)
      entry = { count: 0, resetAt: now + this.#windowMs }
      this.#counts.set(key, entry)
    }
    entry.count++
    return entry
  }

  #evict(now: number): void {
    for (const [key, entry] of this.#counts) if (entry.resetAt <= now) this.#counts.delete(key)
    // Every key still live: start over rather than grow without bound.
    if (this.#counts.size >= MAX_KEYS) this.#counts.clear()
  }
}
