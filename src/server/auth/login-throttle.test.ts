import type { FastifyInstance } from 'fastify'
import type { Database } from '../../store/db.js'
import type { Store } from '../../store/store.js'
import type { TestStore } from '../../../test/store-databases.js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createStore } from '../../store/create-store.js'
import { aServer, aUser, TEST_PASSWORD } from '../../../test/server-harness.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../../test/store-databases.js'
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from './login-throttle.js'

// reliability.md §G: the login throttle reserves the attempt before the password check, so
// requests fired at once cannot all slip under the limit (before: 44 of 60 on SQLite and 57 of 60 on
// PostgreSQL got a password check, and the right password after 30 wrong ones signed in).

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const PARALLEL = 60

describe.each(STORE_DIALECTS)('login throttle under parallel attempts on %s', (dialect) => {
  let t: TestStore
  let other: Database
  let apps: FastifyInstance[]
  let closeApps: (() => Promise<void>)[]

  beforeEach(async () => {
    t = await openTestStore(dialect)
    other = await t.reopen()
    // Two servers over two connections (pools) to one database, as two processes would be.
    const stores: Store[] = [t.store, createStore({ db: other, clock: t.clock.now })]
    const servers = await Promise.all(
      stores.map((store) => aServer({ TANDEM_LOG_LEVEL: 'silent' }, { store, now: t.clock.now })),
    )
    apps = servers.map((server) => server.app)
    closeApps = servers.map((server) => () => server.close())
  })
  afterEach(async () => {
    for (const close of closeApps) await close()
    await other.close()
    await t.dispose()
  })

  function login(index: number, email: string, password: string) {
    return apps[index % apps.length]!.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `10.1.${Math.floor(index / 250)}.${index % 250}`,
      payload: { email, password },
    })
  }

  it(`checks at most ${LOGIN_MAX_FAILURES} of ${PARALLEL} parallel wrong passwords, then refuses the right one`, async () => {
    const alice = await aUser(t.store, 'alice@example.com')
    const statuses = (
      await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) => login(i, alice.email, `wrong-${i}`)),
      )
    ).map((response) => response.statusCode)
    // Every 401 is one password check; the rest were refused before any check.
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_MAX_FAILURES)
    expect(statuses.filter((status) => status === 429)).toHaveLength(PARALLEL - LOGIN_MAX_FAILURES)
    expect(await t.store.securityLog.list({ kind: 'login.failed' })).toHaveLength(
      LOGIN_MAX_FAILURES,
    )
    expect((await login(PARALLEL, alice.email, TEST_PASSWORD)).statusCode).toBe(429)
    // The window passes: the right password signs in again.
    t.clock.advance(LOGIN_WINDOW_MS + 1000)
    expect((await login(PARALLEL + 1, alice.email, TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('refuses the right password sent together with 30 wrong ones', async () => {
    const bob = await aUser(t.store, 'bob@example.com')
    // The right one is sent last: by the time it is counted, the wrong ones used up the limit.
    const attempts = Array.from({ length: 31 }, (_, i) =>
      login(i, bob.email, i === 30 ? TEST_PASSWORD : `wrong-${i}`),
    )
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_MAX_FAILURES)
    expect(statuses[30]).toBe(429)
  })

  it('does not count a successful sign-in against the IP', async () => {
    const carol = await aUser(t.store, 'carol@example.com')
    for (let i = 0; i < LOGIN_MAX_FAILURES + 3; i++) {
      const response = await apps[i % 2]!.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.2.0.1',
        payload: { email: carol.email, password: TEST_PASSWORD },
      })
      expect(response.statusCode).toBe(200)
    }
  })
})
