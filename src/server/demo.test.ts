/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import type { LightMyRequestResponse } from 'fastify'
import type { TestServer } from '../../test/server-harness.js'
import type { Database } from '../store/db.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aProfile, aServer, json, TEST_PASSWORD } from '../../test/server-harness.js'
import { createStore, openDatabase } from '../store/index.js'
import { createLogger } from './logger.js'
import { startMaintenance } from './maintenance.js'

// Issue 12 item 4: each anonymous visitor gets a private demo workspace; nobody sees another's edits.

const ORIGIN = 'http://localhost:80'
const HOUR = 3_600_000

describe('private demo workspaces', () => {
  let server: TestServer
  let database: Database
  let now: Date

  async function start(env: Record<string, string> = {}) {
    now = new Date()
    database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database, clock: () => now })
    server = await aServer({ TANDEM_DEMO: 'on', ...env }, { store, now: () => now })
  }
  afterEach(async () => {
    await server.close()
    await database.close()
  })

  function cookieOf(response: LightMyRequestResponse): string {
    return response.cookies.find((c) => c.name === 'tandem_session')?.value ?? ''
  }
  async function visitor() {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/demo' })
    expect(response.statusCode, response.body).toBe(200)
    const cookie = cookieOf(response)
    const me = json(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { tandem_session: cookie },
      }),
    )
    return { cookie, ws: me.workspaces[0].id as string, me }
  }
  function as(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    return server.app.inject({
      method,
      url,
      headers: { origin: ORIGIN },
      cookies: { tandem_session: cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  }
  async function names(cookie: string, ws: string): Promise<string[]> {
    const page = json(await as(cookie, 'GET', `/api/v1/workspaces/${ws}/organizations`))
    return page.items.map((item: { name: string }) => item.name).sort()
  }

  describe('with the defaults', () => {
    beforeEach(() => start())

    it('gives two visitors two workspaces, each seeded, owned by them alone', async () => {
      const first = await visitor()
      const second = await visitor()
      expect(first.ws).not.toBe(second.ws)
      expect(first.me.workspaces).toEqual([{ id: first.ws, name: 'Demo workspace', role: 'owner' }])
      expect(first.me.user.email).toMatch(/^visitor-[a-z0-9_-]{16}@demo\.tandem\.invalid$/)
      expect(await names(first.cookie, first.ws)).toEqual(await names(second.cookie, second.ws))
      expect((await names(first.cookie, first.ws)).length).toBeGreaterThanOrEqual(3)
      const members = json(await as(first.cookie, 'GET', `/api/v1/workspaces/${first.ws}/members`))
      expect(members).toHaveLength(1)
      // Neither reaches the other's workspace.
      expect((await as(first.cookie, 'GET', `/api/v1/workspaces/${second.ws}`)).statusCode).toBe(
        404,
      )
    })

    it("keeps one visitor's edit out of another's demo", async () => {
      const first = await visitor()
      const second = await visitor()
      const created = await as(
        first.cookie,
        'POST',
        `/api/v1/workspaces/${first.ws}/organizations`,
        {
          profile: aProfile({ name: 'Only in the first demo' }),
        },
      )
      expect(created.statusCode).toBe(201)
      expect(await names(first.cookie, first.ws)).toContain('Only in the first demo')
      expect(await names(second.cookie, second.ws)).not.toContain('Only in the first demo')
    })

    it('keeps the visitor in their demo when they ask again', async () => {
      const first = await visitor()
      const again = await as(first.cookie, 'POST', '/api/v1/auth/demo')
      expect(again.statusCode).toBe(200)
      expect(await server.store.demos.count()).toBe(1)
    })

    it('lets a visitor reach nothing beyond the demo: no workspace, token, member, invitation or password', async () => {
      const { cookie, ws } = await visitor()
      const refused = [
        await as(cookie, 'POST', '/api/v1/workspaces', { name: 'Mine' }),
        await as(cookie, 'POST', '/api/v1/tokens', { name: 'keep' }),
        await as(cookie, 'POST', `/api/v1/workspaces/${ws}/invitations`, {
          email: 'friend@example.com',
          role: 'viewer',
        }),
        await as(cookie, 'POST', `/api/v1/workspaces/${ws}/members`, {
          email: 'friend@example.com',
          role: 'viewer',
        }),
        await as(cookie, 'POST', '/api/v1/auth/password', {
          currentPassword: 'unknown',
          newPassword: 'a new passphrase',
        }),
      ]
      expect(refused.map((r) => [r.statusCode, json(r).error.code])).toEqual(
        Array.from({ length: 5 }, () => [403, 'FORBIDDEN']),
      )
      expect(json(refused[0]!).error.message).toBe(
        'the demo cannot create workspaces; sign in with an account (an owner can invite you)',
      )
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {
          email: json(await as(cookie, 'GET', '/api/v1/me')).user.email,
          password: TEST_PASSWORD,
        },
      })
      expect(login.statusCode).toBe(401)
    })
  })

  it('deletes a demo idle for TANDEM_DEMO_IDLE_HOURS with its visitor, in the maintenance pass', async () => {
    await start({ TANDEM_SESSION_IDLE_MINUTES: '2880' })
    const idle = await visitor()
    const busy = await visitor()
    const maintenance = startMaintenance({
      store: server.store,
      log: createLogger('silent'),
      intervalMs: HOUR,
      sessionIdleMs: 48 * HOUR,
      demoIdleMs: 24 * HOUR,
    })
    now = new Date(now.getTime() + 23 * HOUR)
    expect((await as(busy.cookie, 'GET', '/api/v1/me')).statusCode).toBe(200)
    now = new Date(now.getTime() + 2 * HOUR)
    await maintenance.runOnce()
    maintenance.stop()
    expect(await server.store.workspaces.get(idle.ws)).toBeNull()
    expect((await as(idle.cookie, 'GET', '/api/v1/me')).statusCode).toBe(401)
    expect(await server.store.workspaces.get(busy.ws)).not.toBeNull()
    expect(await server.store.demos.count()).toBe(1)
  })

  it('deletes the demo of a visitor who signed out at the next pass', async () => {
    await start()
    const { cookie, ws } = await visitor()
    expect((await as(cookie, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204)
    now = new Date(now.getTime() + 11 * 60_000)
    expect(await server.store.demos.prune(24 * HOUR)).toBe(1)
    expect(await server.store.workspaces.get(ws)).toBeNull()
  })

  it('refuses a visitor past TANDEM_DEMO_MAX with 409 DEMO_FULL, also when they come at once', async () => {
    await start({ TANDEM_DEMO_MAX: '3' })
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        server.app.inject({ method: 'POST', url: '/api/v1/auth/demo' }),
      ),
    )
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 409, 409, 409])
    const full = answers.find((a) => a.statusCode === 409)!
    expect(json(full).error).toMatchObject({
      code: 'DEMO_FULL',
      message: 'all 3 demo workspaces are in use; try again later, or sign in with an account',
    })
    expect(full.cookies).toEqual([])
    expect(await server.store.demos.count()).toBe(3)
  })

  it('refuses the change past TANDEM_DEMO_MAX_CHANGES with 409 QUOTA_EXCEEDED', async () => {
    await start({ TANDEM_DEMO_MAX_CHANGES: '20' })
    const { cookie, ws } = await visitor()
    const seeded = (await server.store.audit.list(ws, { limit: 500 })).length
    const statuses: number[] = []
    for (let i = 0; i < 15; i++) {
      const response = await as(cookie, 'POST', `/api/v1/workspaces/${ws}/organizations`, {
        profile: aProfile({ name: `Org ${i}` }),
      })
      statuses.push(response.statusCode)
      if (response.statusCode === 409) expect(json(response).error.code).toBe('QUOTA_EXCEEDED')
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(20 - seeded)
    expect(await server.store.audit.list(ws, { limit: 500 })).toHaveLength(20)
    expect(statuses.at(-1)).toBe(409)
  })

  it('answers 404 when the demo is off', async () => {
    await start({ TANDEM_DEMO: 'off' })
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/demo' })
    expect(response.statusCode).toBe(404)
  })
})
