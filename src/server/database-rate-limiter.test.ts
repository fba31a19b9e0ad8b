import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../store/db.js'
import type { TestStore } from '../../test/store-databases.js'
import { createStore } from '../store/create-store.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../test/store-databases.js'
import { DatabaseRateLimiter } from './database-rate-limiter.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const RESET_AT = Date.parse('2026-01-01T09:01:00.000Z')

describe.each(STORE_DIALECTS)('DatabaseRateLimiter on %s', (dialect) => {
  let t: TestStore
  let other: Database | null = null

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(async () => {
    await other?.close()
    other = null
    await t.dispose()
  })

  it('shares one count between limiters on separate connections, as two processes would', async () => {
    other = await t.reopen()
    const one = new DatabaseRateLimiter(t.store, 60_000, 'assess:')
    const two = new DatabaseRateLimiter(
      createStore({ db: other, clock: t.clock.now }),
      60_000,
      'assess:',
    )
    const counts = []
    for (const limiter of [one, two, one, two]) counts.push(await limiter.hit('ip:a'))
    expect(counts).toEqual([1, 2, 3, 4].map((count) => ({ count, resetAt: RESET_AT })))
  })

  it('keeps its keys under its prefix in the shared table', async () => {
    await new DatabaseRateLimiter(t.store, 60_000, 'assess:').hit('ip:a')
    expect(await t.store.rateLimits.hit('assess:ip:a', 60_000)).toMatchObject({ count: 2 })
    expect(await t.store.rateLimits.hit('ip:a', 60_000)).toMatchObject({ count: 1 })
  })

  it('starts over in the next window', async () => {
    const limiter = new DatabaseRateLimiter(t.store, 60_000, 'assess:')
    await limiter.hit('ip:a')
    t.clock.advance(60_000)
    expect(await limiter.hit('ip:a')).toEqual({ count: 1, resetAt: RESET_AT + 60_000 })
  })
})
