/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON checked by exact values */
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '../store/db.js'
import type { TestServer } from '../../test/server-harness.js'
import { createStore, openDatabase } from '../store/index.js'
import { aProfile, aServer, json } from '../../test/server-harness.js'

// The anonymous assess/classify limit, counted in memory (one process) or in the database (shared).
const NOW = new Date('2026-01-01T09:00:20.000Z')

describe('the assess rate limit', () => {
  const servers: TestServer[] = []
  let database: Database | null = null
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
    await database?.close()
    database = null
  })

  const assess = (server: TestServer) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      remoteAddress: '192.0.2.9',
      payload: aProfile(),
    })

  async function twoServersOnOneDatabase(env: Record<string, string>) {
    database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database, clock: () => NOW })
    for (let i = 0; i < 2; i++) servers.push(await aServer(env, { store, now: () => NOW }))
    return servers as [TestServer, TestServer]
  }

  it('with TANDEM_RATE_LIMIT=database, counts both apps against one limit', async () => {
    const [a, b] = await twoServersOnOneDatabase({
      TANDEM_RATE_LIMIT: 'database',
      TANDEM_ASSESS_RATE: '5',
    })
    const statuses = []
    for (const server of [a, a, a, b, b]) statuses.push((await assess(server)).statusCode)
    const sixth = await assess(b)
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    expect(sixth.statusCode).toBe(429)
    // The window is aligned to the minute: 40 s of it remain at 09:00:20.
    expect(sixth.headers['retry-after']).toBe('40')
    expect(json(sixth).error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'more than 5 requests a minute; retry in 40 s',
    })
  })

  it('with TANDEM_RATE_LIMIT=memory, counts each app on its own', async () => {
    const [a, b] = await twoServersOnOneDatabase({
      TANDEM_RATE_LIMIT: 'memory',
      TANDEM_ASSESS_RATE: '5',
    })
    const statuses = []
    for (const server of [a, a, a, b, b, b]) statuses.push((await assess(server)).statusCode)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200])
    const rows = await database?.kysely.selectFrom('rate_limits').selectAll().execute()
    expect(rows).toEqual([])
  })

  it('limits /classify in the database too', async () => {
    const [a, b] = await twoServersOnOneDatabase({
      TANDEM_RATE_LIMIT: 'database',
      TANDEM_ASSESS_RATE: '1',
    })
    const classify = (server: TestServer) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/classify',
        remoteAddress: '192.0.2.9',
        payload: { name: 'CV screening', area: 'employment' },
      })
    const first = await classify(a)
    const second = await classify(b)
    expect([first.statusCode, second.statusCode]).toEqual([200, 429])
  })
})
