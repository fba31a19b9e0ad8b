import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../test/store-databases.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const HOUR = 3_600_000

describe.each(STORE_DIALECTS)('prune on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  async function twoSessions() {
    const user = await t.store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    const expiresAt = '2026-01-03T09:00:00.000Z'
    await t.store.sessions.create({ id: 'idle', userId: user.id, expiresAt })
    t.clock.advance(2 * HOUR)
    await t.store.sessions.create({ id: 'used', userId: user.id, expiresAt })
  }

  it('deletes sessions unused for sessionIdleMs, and keeps recently used ones', async () => {
    await twoSessions()
    const deleted = await t.store.prune({
      loginFailuresMs: HOUR,
      rateLimitsMs: HOUR,
      sessionIdleMs: HOUR,
    })
    expect(deleted).toEqual({ sessions: 1, loginFailures: 0, rateLimits: 0 })
    expect(await t.store.sessions.find('idle')).toBeNull()
    expect(await t.store.sessions.find('used')).not.toBeNull()
  })

  it('keeps idle sessions without sessionIdleMs, and deletes nothing twice', async () => {
    await twoSessions()
    const options = { loginFailuresMs: HOUR, rateLimitsMs: HOUR }
    expect(await t.store.prune(options)).toEqual({ sessions: 0, loginFailures: 0, rateLimits: 0 })
    expect(await t.store.sessions.find('idle')).not.toBeNull()
    await t.store.prune({ ...options, sessionIdleMs: HOUR })
    expect(await t.store.prune({ ...options, sessionIdleMs: HOUR })).toEqual({
      sessions: 0,
      loginFailures: 0,
      rateLimits: 0,
    })
  })
})
