import type { Store } from '../../store/store.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'

// reliability.md §B: the 6th failed login for an account (or from an IP) within 15 minutes gets
// 429. Counters live in the database, so every server process sees the same count.
export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_MAX_FAILURES = 5

export function throttleKeys(email: string, ip: string): readonly [string, string] {
  return [`login:account:${email.trim().toLowerCase()}`, `login:ip:${ip}`]
}

/** Throws RateLimitedError when the account or the IP already has too many recent failures. */
export async function assertNotThrottled(store: Store, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const failures = await store.loginThrottle.failures(key, LOGIN_WINDOW_MS)
    if (failures >= LOGIN_MAX_FAILURES) {
      throw new RateLimitedError(
        'too many failed sign-in attempts; wait 15 minutes and try again',
        LOGIN_WINDOW_MS / 1000,
      )
    }
  }
}
