/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerProcess } from '../../test/server-process.js'
import { aProfile } from '../../test/server-harness.js'
import { startServerProcess } from '../../test/server-process.js'

// Issue 3 §7: two server processes on one PostgreSQL behave as one server.
const url = process.env['TEST_DATABASE_URL']
const PASSWORD = 'scale out passphrase'

describe.skipIf(!url)(
  `scale-out: two server processes on one PostgreSQL${url ? '' : ' (skipped: set TEST_DATABASE_URL)'}`,
  () => {
    const schema = `tandem_scale_${randomBytes(4).toString('hex')}`
    let one: ServerProcess
    let two: ServerProcess
    let cookie: string
    let ws: string

    beforeAll(async () => {
      const env = {
        DATABASE_URL: url ?? '',
        TANDEM_DATABASE_SCHEMA: schema,
        TANDEM_DEMO: 'off',
        // Low, so the shared assess limit shows in a few requests; TANDEM_RATE_LIMIT defaults to
        // `database` on PostgreSQL.
        TANDEM_ASSESS_RATE: '5',
      }
      one = await startServerProcess(env)
      two = await startServerProcess(env)
      const token = /setup\?token=([\w-]+)/.exec(one.output())?.[1] ?? ''
      const setup = await send(one, 'POST', '/api/v1/setup', {
        token,
        email: 'owner@example.com',
        password: PASSWORD,
      })
      expect(setup.status).toBe(201)
      ws = (await setup.json()).workspace.id
      const login = await send(one, 'POST', '/api/v1/auth/login', {
        email: 'owner@example.com',
        password: PASSWORD,
      })
      cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    }, 180_000)

    afterAll(async () => {
      await Promise.all([one?.stop(), two?.stop()])
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    })

    function send(
      server: ServerProcess,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      return fetch(`${server.url}${path}`, {
        method,
        headers: {
          'sec-fetch-site': 'same-origin',
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      })
    }

    it('a session created through one process holds in the other', async () => {
      const me = await send(two, 'GET', '/api/v1/me')
      expect(me.status).toBe(200)
      expect((await me.json()).user.email).toBe('owner@example.com')
    })

    it('a write through one process is read through the other', async () => {
      const created = await send(one, 'POST', `/api/v1/workspaces/${ws}/organizations`, {
        profile: aProfile({ name: 'Written by one' }),
      })
      expect(created.status).toBe(201)
      const { id } = await created.json()
      const read = await send(two, 'GET', `/api/v1/workspaces/${ws}/organizations/${id}`)
      expect(read.status).toBe(200)
      expect((await read.json()).name).toBe('Written by one')
    })

    it('the login throttle counts failures from both processes together', async () => {
      const fail = (server: ServerProcess) =>
        send(
          server,
          'POST',
          '/api/v1/auth/login',
          { email: 'victim@example.com', password: 'wrong password' },
          { cookie: '' },
        )
      const statuses = []
      for (const server of [one, two, one, two, one]) statuses.push((await fail(server)).status)
      expect(statuses).toEqual([401, 401, 401, 401, 401])
      expect((await fail(two)).status).toBe(429)
    })

    it('the anonymous assess limit counts requests to both processes together', async () => {
      // Windows are aligned to the minute: start early in one, so all six requests fall in it.
      const intoMinute = Date.now() % 60_000
      if (intoMinute > 45_000)
        await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute))
      const assessVia = (server: ServerProcess) =>
        send(server, 'POST', '/api/v1/assess', aProfile(), { cookie: '' })
      const statuses = []
      for (const server of [one, two, one, two, one])
        statuses.push((await assessVia(server)).status)
      const sixth = await assessVia(two)
      expect(statuses).toEqual([200, 200, 200, 200, 200])
      expect(sixth.status).toBe(429)
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(60)
      expect((await sixth.json()).error).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^more than 5 requests a minute; retry in \d+ s$/),
      })
    }, 30_000)

    it('processes each batch import job exactly once across both workers', async () => {
      const jobs = []
      for (let j = 0; j < 4; j++) {
        const rows = Array.from({ length: 30 }, (_, i) =>
          JSON.stringify(aProfile({ name: `Batch ${j}-${i}` })),
        ).join('\n')
        const started = await send(
          j % 2 ? two : one,
          'POST',
          `/api/v1/workspaces/${ws}/imports`,
          rows,
          { 'content-type': 'application/x-ndjson' },
        )
        expect(started.status).toBe(202)
        jobs.push((await started.json()).id)
      }
      for (const id of jobs) {
        let status = ''
        for (let i = 0; i < 300 && status !== 'done' && status !== 'failed'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          status = (await (await send(two, 'GET', `/api/v1/workspaces/${ws}/imports/${id}`)).json())
            .status
        }
        expect(status).toBe('done')
      }
      const list = await (
        await send(
          one,
          'GET',
          `/api/v1/workspaces/${ws}/organizations?q=Batch&limit=200&count=true`,
        )
      ).json()
      const names: string[] = list.items.map((item: { name: string }) => item.name)
      expect(list.total).toBe(120)
      expect(new Set(names).size).toBe(120)
    }, 60_000)

    it('shuts down gracefully on SIGTERM', async () => {
      expect(await two.stop()).toBe(0)
      expect((await send(one, 'GET', '/readyz')).status).toBe(200)
    })
  },
)
