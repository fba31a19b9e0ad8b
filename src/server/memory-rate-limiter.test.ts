import { describe, expect, it } from 'vitest'
import { MemoryRateLimiter } from './memory-rate-limiter.js'

const T = Date.parse('2026-01-01T09:00:00.000Z')

describe('MemoryRateLimiter', () => {
  it('counts hits per key synchronously, with the end of the window', () => {
    const limiter = new MemoryRateLimiter(60_000)
    const first = limiter.hit('ip:a', T)
    expect(first).not.toBeInstanceOf(Promise)
    expect(first).toEqual({ count: 1, resetAt: T + 60_000 })
    expect(limiter.hit('ip:a', T + 1_000)).toEqual({ count: 2, resetAt: T + 60_000 })
    expect(limiter.hit('ip:b', T + 2_000)).toEqual({ count: 1, resetAt: T + 62_000 })
  })

  it('starts a new window once the last one has ended', () => {
    const limiter = new MemoryRateLimiter(60_000)
    limiter.hit('ip:a', T)
    limiter.hit('ip:a', T)
    expect(limiter.hit('ip:a', T + 60_000)).toEqual({ count: 1, resetAt: T + 120_000 })
  })
})
