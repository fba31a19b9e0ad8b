import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Database } from '../store/db.js'
import type { TestServer } from '../../test/server-harness.js'
import { createStore, openDatabase } from '../store/index.js'
import { aServer } from '../../test/server-harness.js'
import { LOGIN_WINDOW_MS } from './auth/login-throttle.js'
import { startMaintenance } from './maintenance.js'

const HOUR = 3_600_000
const T0 = Date.parse('2026-01-01T09:00:00.000Z')

describe('the maintenance timer', () => {
  let database: Database
  let now = T0
  const clock = () => new Date(now)
  let server: TestServer | null = null

  beforeEach(async () => {
    // Only the interval timer is faked: the database and Fastify keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    now = T0
    database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
  })
  afterEach(async () => {
    await server?.close()
    server = null
    await database.close()
    vi.useRealTimers()
  })

  async function seed() {
    const store = createStore({ db: database, clock })
    const user = await store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    const session = (id: string, expiresInMs: number) =>
      store.sessions.create({
        id,
        userId: user.id,
        expiresAt: new Date(now + expiresInMs).toISOString(),
      })
    await session('expires-soon', 30 * 60_000)
    await session('idle', 48 * HOUR)
    await store.loginThrottle.recordFailure(['login:ip:old'], LOGIN_WINDOW_MS)
    await store.rateLimits.hit('assess:ip:old', 60_000)
    // An hour later: the first session has expired, the second has been idle for an hour.
    now += HOUR
    await session('live', 48 * HOUR)
    await store.loginThrottle.recordFailure(['login:ip:new'], LOGIN_WINDOW_MS)
    await store.rateLimits.hit('assess:ip:new', 60_000)
    return store
  }

  const keys = async (table: 'login_failures' | 'rate_limits') =>
    (await database.kysely.selectFrom(table).select('key').execute()).map((row) => row.key).sort()
  const sessionIds = async () =>
    (await database.kysely.selectFrom('sessions').select('id').execute())
      .map((row) => row.id)
      .sort()

  it('deletes expired and idle sessions, old login failures and ended windows on its interval', async () => {
    const store = await seed()
    server = await aServer(
      { TANDEM_MAINTENANCE_MINUTES: '60', TANDEM_SESSION_IDLE_MINUTES: '30' },
      { store, now: clock },
    )
    expect(await sessionIds()).toEqual(['expires-soon', 'idle', 'live'])
    await vi.advanceTimersByTimeAsync(HOUR)
    await vi.waitFor(async () => expect(await sessionIds()).toEqual(['live']))
    expect(await keys('login_failures')).toEqual(['login:ip:new'])
    expect(await keys('rate_limits')).toEqual(['assess:ip:new'])
  })

  it('stops when the app closes', async () => {
    const store = await seed()
    server = await aServer({ TANDEM_MAINTENANCE_MINUTES: '60' }, { store, now: clock })
    await server.close()
    server = null
    await vi.advanceTimersByTimeAsync(2 * HOUR)
    expect(vi.getTimerCount()).toBe(0)
    expect(await sessionIds()).toEqual(['expires-soon', 'idle', 'live'])
  })

  it('logs a failed pass and keeps running', async () => {
    const store = await seed()
    const failing = { ...store, prune: vi.fn().mockRejectedValueOnce(new Error('database down')) }
    failing.prune.mockImplementation((options: Parameters<typeof store.prune>[0]) =>
      store.prune(options),
    )
    const log = { info: vi.fn(), error: vi.fn() }
    const maintenance = startMaintenance({
      store: failing,
      log: log as unknown as Parameters<typeof startMaintenance>[0]['log'],
      intervalMs: HOUR,
      sessionIdleMs: 30 * 60_000,
    })
    await maintenance.runOnce()
    expect(log.error).toHaveBeenCalledWith(
      { err: new Error('database down') },
      'maintenance: pruning expired rows failed; will retry next interval',
    )
    await maintenance.runOnce()
    expect(log.info).toHaveBeenCalledWith(
      { deleted: { sessions: 2, loginFailures: 1, rateLimits: 1 } },
      'maintenance: pruned expired rows',
    )
    maintenance.stop()
  })
})
