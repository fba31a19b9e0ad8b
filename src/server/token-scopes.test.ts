/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import type { Call, Ids } from '../../test/server-routes.js'
import { aServer, aSession, aToken, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { injectCall, ROUTE_CALLS, seedWorkspace, snapshot } from '../../test/server-routes.js'
import { hashSecret } from './auth/secrets.js'
import { POLICY } from './policy.js'

// reliability.md §B: API tokens are scoped. A scope only narrows what the user's role allows.
const UNSAFE_ROUTES = Object.keys(POLICY).filter((key) => !key.startsWith('GET '))
const SAFE_ROUTES = Object.keys(POLICY).filter((key) => key.startsWith('GET '))
const WORKSPACE_ROUTES = Object.keys(POLICY).filter((key) => key.includes(':ws'))

describe('scoped API tokens', () => {
  let server: TestServer
  let alice: TestUser
  let bob: TestUser
  let a: Ids
  let b: Ids

  beforeAll(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
    bob = await aUser(server.store, 'bob@example.com')
    // Alice owns A and is an editor in Bob's B: a member of both.
    const wsA = await aWorkspace(server.store, alice, 'Alpha')
    const wsB = await aWorkspace(server.store, bob, 'Beta', [{ user: alice, role: 'editor' }])
    a = await seedWorkspace(server.store, alice, wsA, 'ALPHA')
    b = await seedWorkspace(server.store, bob, wsB, 'BETA')
  })
  afterAll(async () => {
    await server.close()
  })

  function send(call: Call, bearer: string) {
    return injectCall(server.app, call, bearer)
  }

  /** What Alice's account holds outside any workspace. */
  async function account(): Promise<string> {
    const tokens = await server.store.apiTokens.list(alice.id)
    const workspaces = await server.store.workspaces.listForUser(alice.id)
    const user = await server.store.users.get(alice.id)
    return JSON.stringify({
      tokens: tokens.map((token) => token.id),
      workspaces: workspaces.map((ws) => ws.id),
      password: user?.passwordHash,
    })
  }

  describe('creation', () => {
    it('creates a read-only token for every workspace unless told otherwise', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        ...(await aSession(server.app, alice)),
        payload: { name: 'dashboard' },
      })
      expect(response.statusCode).toBe(201)
      const { token, id, createdAt, ...rest } = json(response)
      expect(rest).toEqual({
        name: 'dashboard',
        scope: 'read',
        workspaceId: null,
        lastUsedAt: null,
      })
      expect(token).toMatch(/^tdm_/)
      expect([id, createdAt].every((value) => typeof value === 'string')).toBe(true)
    })

    it('creates a write token restricted to one workspace, and lists it with both', async () => {
      const session = await aSession(server.app, alice)
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        ...session,
        payload: { name: 'nightly import', scope: 'write', workspaceId: a.ws },
      })
      expect(response.statusCode).toBe(201)
      expect(json(response)).toMatchObject({ scope: 'write', workspaceId: a.ws })
      const list = await server.app.inject({ method: 'GET', url: '/api/v1/tokens', ...session })
      expect(
        json(list).find((listed: { id: string }) => listed.id === json(response).id),
      ).toMatchObject({ name: 'nightly import', scope: 'write', workspaceId: a.ws })
      const [event] = await server.store.securityLog.list({ kind: 'token.created', limit: 1 })
      expect(event).toMatchObject({
        userId: alice.id,
        workspaceId: a.ws,
        detail: { tokenId: json(response).id, scope: 'write', via: 'session' },
      })
    })

    it.each([
      ['a workspace she is not in', 'not-alices'],
      ['a workspace that does not exist', 'no-such-workspace'],
    ])('answers 404 for a token restricted to %s, and creates nothing', async (_, ws) => {
      const carol = await aUser(server.store, `carol-${ws}@example.com`)
      const other = ws === 'not-alices' ? await aWorkspace(server.store, carol, 'Gamma') : ws
      const before = await account()
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        ...(await aSession(server.app, alice)),
        payload: { name: 'sneaky', scope: 'read', workspaceId: other },
      })
      expect(response.statusCode).toBe(404)
      expect(json(response).error.code).toBe('NOT_FOUND')
      expect(await account()).toBe(before)
    })

    it('refuses a scope that does not exist with 400', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        ...(await aSession(server.app, alice)),
        payload: { name: 'root', scope: 'admin' },
      })
      expect(response.statusCode).toBe(400)
      expect(json(response).error.issues[0].path).toBe('scope')
    })

    it.each(['read', 'write'] as const)(
      'refuses to let a %s token create a token: only a signed-in session can',
      async (scope) => {
        const bearer = await aToken(server.store, alice, { scope })
        const before = await account()
        const response = await send(ROUTE_CALLS['POST /api/v1/tokens']!(a), bearer)
        expect(response.statusCode).toBe(403)
        expect(json(response).error).toMatchObject({
          code: 'INSUFFICIENT_SCOPE',
          message:
            'API tokens cannot call POST /api/v1/tokens; sign in to manage tokens and your password',
        })
        expect(await account()).toBe(before)
      },
    )

    it('refuses to let a write token change the password', async () => {
      const bearer = await aToken(server.store, alice, { scope: 'write' })
      const before = await account()
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: bearer },
        payload: { currentPassword: alice.password, newPassword: 'taken over by a script' },
      })
      expect(response.statusCode).toBe(403)
      expect(json(response).error.code).toBe('INSUFFICIENT_SCOPE')
      expect(await account()).toBe(before)
    })
  })

  describe('a read token', () => {
    let bearer: string
    beforeAll(async () => {
      bearer = await aToken(server.store, alice, { scope: 'read' })
    })

    it.each(SAFE_ROUTES)('%s answers as for a session', async (key) => {
      const response = await send(ROUTE_CALLS[key]!(a), bearer)
      expect(response.statusCode, response.body).toBe(200)
    })

    it.each(UNSAFE_ROUTES)('%s answers 403 INSUFFICIENT_SCOPE and changes nothing', async (key) => {
      const ids = await seedWorkspace(server.store, alice, a.ws, 'READ')
      const before = [await snapshot(server.store, a.ws), await account()]
      const response = await send(ROUTE_CALLS[key]!(ids), bearer)
      expect(response.statusCode).toBe(403)
      expect(json(response).error.code).toBe('INSUFFICIENT_SCOPE')
      expect(response.headers['www-authenticate']).toBe('Bearer error="insufficient_scope"')
      expect([await snapshot(server.store, a.ws), await account()]).toEqual(before)
    })

    it('says that the token is read-only, and logs the refusal', async () => {
      const response = await send(
        ROUTE_CALLS['POST /api/v1/workspaces/:ws/organizations']!(a),
        bearer,
      )
      expect(json(response).error.message).toBe(
        'this API token is read-only; POST needs a token with scope "write"',
      )
      const [event] = await server.store.securityLog.list({ kind: 'access.denied', limit: 1 })
      expect(event).toMatchObject({
        userId: alice.id,
        workspaceId: a.ws,
        detail: { method: 'POST', reason: 'read-only token' },
      })
    })
  })

  describe('a write token', () => {
    it('does what the role allows: an editor creates an organization', async () => {
      const bearer = await aToken(server.store, alice, { scope: 'write' })
      const response = await send(
        ROUTE_CALLS['POST /api/v1/workspaces/:ws/organizations']!(b),
        bearer,
      )
      expect(response.statusCode).toBe(201)
    })

    it('does not widen the role: an editor still cannot rename the workspace', async () => {
      const bearer = await aToken(server.store, alice, { scope: 'write' })
      const response = await send(ROUTE_CALLS['PATCH /api/v1/workspaces/:ws']!(b), bearer)
      expect(response.statusCode).toBe(403)
      expect(json(response).error.code).toBe('FORBIDDEN')
    })

    it('may revoke a token of its user, itself included', async () => {
      const bearer = await aToken(server.store, alice, { scope: 'write' })
      const self = await server.store.apiTokens.findByHash(
        hashSecret(bearer.slice('Bearer '.length)),
      )
      const response = await send(
        { method: 'DELETE', url: `/api/v1/tokens/${self?.token.id}` },
        bearer,
      )
      expect(response.statusCode).toBe(204)
      expect((await send({ method: 'GET', url: '/api/v1/me' }, bearer)).statusCode).toBe(401)
    })
  })

  describe('a token restricted to one workspace', () => {
    let bearer: string
    beforeAll(async () => {
      bearer = await aToken(server.store, alice, { scope: 'write', workspaceId: a.ws })
    })

    it.each(WORKSPACE_ROUTES)(
      '%s in another workspace of the same user answers 404 and changes nothing',
      async (key) => {
        const before = await snapshot(server.store, b.ws)
        const response = await send(ROUTE_CALLS[key]!(b), bearer)
        expect(response.statusCode).toBe(404)
        expect(json(response).error.code).toBe('NOT_FOUND')
        expect(await snapshot(server.store, b.ws)).toBe(before)
      },
    )

    it('works in its own workspace', async () => {
      const response = await send(
        ROUTE_CALLS['POST /api/v1/workspaces/:ws/organizations']!(a),
        bearer,
      )
      expect(response.statusCode).toBe(201)
    })

    it('sees only its workspace in the workspace list and in /me', async () => {
      const list = await send({ method: 'GET', url: '/api/v1/workspaces' }, bearer)
      const me = await send({ method: 'GET', url: '/api/v1/me' }, bearer)
      expect(json(list).map((ws: { id: string }) => ws.id)).toEqual([a.ws])
      expect(json(me).workspaces.map((ws: { id: string }) => ws.id)).toEqual([a.ws])
    })

    it('lists only the tokens restricted to its workspace', async () => {
      const list = await send({ method: 'GET', url: '/api/v1/tokens' }, bearer)
      const workspaces = json<{ workspaceId: string | null }[]>(list).map((t) => t.workspaceId)
      expect(workspaces.length).toBeGreaterThan(0)
      expect(new Set(workspaces)).toEqual(new Set([a.ws]))
    })

    it.each(['POST /api/v1/workspaces', 'POST /api/v1/workspaces/import'])(
      '%s, outside its workspace, answers 403 and creates nothing',
      async (key) => {
        const before = await account()
        const response = await send(ROUTE_CALLS[key]!(a), bearer)
        expect(response.statusCode).toBe(403)
        expect(json(response).error).toMatchObject({
          code: 'INSUFFICIENT_SCOPE',
          message: `this API token is restricted to workspace "${a.ws}"; it cannot ${key}`,
        })
        expect(await account()).toBe(before)
      },
    )
  })
})
