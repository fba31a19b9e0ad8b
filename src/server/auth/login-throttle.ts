import type { Store } from '../../store/store.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'

// reliability.md §B: the 6th failed login for an account (or from an IP) within 15 minutes gets
// 429. Counters live in the database, so every server process sees the same count.
// reliability.md §G: the attempt is reserved before the password is checked, atomically, so N
// requests fired at once cause at most LOGIN_MAX_FAILURES password checks, not N.
export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_MAX_FAILURES = 5

export function throttleKeys(email: string, ip: string): readonly [string, string] {
  return [`login:account:${email.trim().toLowerCase()}`, `login:ip:${ip}`]
}

/** An attempt counted before the check; it stays a failure unless `succeeded()` is called. */
export interface LoginAttempt {
  /** The check passed: the account's failures are forgotten and this attempt no longer counts. */
  succeeded(): Promise<void>
}

/**
 * Counts one attempt for every key, then lets the caller check the password. Throws
 * RateLimitedError, counting nothing, when a key already has LOGIN_MAX_FAILURES attempts in the
 * window. The first key is the account's.
 */
export async function reserveLoginAttempt(
  store: Store,
  keys: readonly string[],
): Promise<LoginAttempt> {
  const ids = await store.loginThrottle.reserve(keys, LOGIN_WINDOW_MS, LOGIN_MAX_FAILURES)
  if (ids === null) {
    throw new RateLimitedError(
      'too many failed sign-in attempts; wait 15 minutes and try again',
      LOGIN_WINDOW_MS / 1000,
    )
  }
  return {
    async succeeded() {
      if (keys[0] !== undefined) await store.loginThrottle.reset(keys[0])
      await store.loginThrottle.release(ids)
    },
  }
}
