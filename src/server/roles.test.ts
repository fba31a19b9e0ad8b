/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON checked by exact values */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import type { Call } from '../../test/server-routes.js'
import type { WorkspaceRole } from './policy.js'
import Fastify from 'fastify'
import { aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { injectCall, ROUTE_CALLS, seedWorkspace, snapshot } from '../../test/server-routes.js'
import { attachAccess, POLICY, PUBLIC_ROUTES, roleAllows, SEAT_ROUTES } from './policy.js'

// reliability.md §A: the role × route matrix, generated from the one policy table.
type Caller = WorkspaceRole | 'non-member'
const CALLERS: readonly Caller[] = ['owner', 'editor', 'viewer', 'non-member']
const WORKSPACE_ROUTES = Object.entries(POLICY).filter(([key]) => key.includes(':ws'))
const MATRIX = WORKSPACE_ROUTES.flatMap(([key, required]) =>
  CALLERS.map((caller) => [key, caller, required] as const),
)

describe('role × route matrix', () => {
  let server: TestServer
  let users: Record<Caller, TestUser>
  const workspaces = new Map<string, string>()

  beforeAll(async () => {
    server = await aServer()
    const store = server.store
    users = {
      owner: await aUser(store, 'owner@example.com'),
      editor: await aUser(store, 'editor@example.com'),
      viewer: await aUser(store, 'viewer@example.com'),
      'non-member': await aUser(store, 'outsider@example.com'),
    }
  })

  /** One workspace per route (and caller) keeps each snapshot small. */
  async function workspaceFor(key: string): Promise<string> {
    const existing = workspaces.get(key)
    if (existing) return existing
    const ws = await aWorkspace(server.store, users.owner, 'Matrix', [
      { user: users.editor, role: 'editor' },
      { user: users.viewer, role: 'viewer' },
    ])
    workspaces.set(key, ws)
    return ws
  }
  afterAll(async () => {
    await server.close()
  })

  function send(call: Call, user: TestUser) {
    return injectCall(server.app, call, user)
  }

  it.each(MATRIX)('%s as %s (needs %s)', async (key, caller, required) => {
    // Fresh objects for each call, so a permitted delete or edit does not disturb the next one.
    // One workspace per route and caller: work a permitted call queued (an import) cannot land in
    // the workspace of the next caller's "unchanged" check.
    const ws = await workspaceFor(`${key} ${caller}`)
    const ids = await seedWorkspace(server.store, users.owner, ws, 'MATRIX')
    const before = await snapshot(server.store, ws)
    const response = await send(ROUTE_CALLS[key]!(ids), users[caller])
    if (caller === 'non-member') {
      expect(response.statusCode).toBe(404)
    } else if (
      required !== 'user' &&
      // In an organization with no seat assigned, owners and editors act for any seat; viewers for none.
      roleAllows(caller, SEAT_ROUTES.includes(key) ? 'editor' : required)
    ) {
      expect(response.statusCode, response.body).toBeLessThan(300)
    } else {
      expect(response.statusCode).toBe(403)
      expect(json(response).error.code).toBe('FORBIDDEN')
    }
    if (response.statusCode >= 400) expect(await snapshot(server.store, ws)).toBe(before)
  })

  it('applies a downgrade on the very next request', async () => {
    const ws = await workspaceFor('downgrade')
    const ids = await seedWorkspace(server.store, users.owner, ws, 'MATRIX')
    const call = ROUTE_CALLS['POST /api/v1/workspaces/:ws/organizations']!(ids)
    expect((await send(call, users.editor)).statusCode).toBe(201)
    await server.store.members.setRole({ userId: users.owner.id }, ws, users.editor.id, 'viewer')
    expect((await send(call, users.editor)).statusCode).toBe(403)
    await server.store.members.remove({ userId: users.owner.id }, ws, users.editor.id)
    expect((await send(call, users.editor)).statusCode).toBe(404)
  })
})

describe('deny by default', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await aServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('every registered route is in the policy or on the public list, and every policy entry is a route', () => {
    const registered = new Set<string>()
    for (const key of [...Object.keys(POLICY), ...PUBLIC_ROUTES]) {
      const [method, url] = key.split(' ') as [string, string]
      if (server.app.hasRoute({ method: method, url })) registered.add(key)
    }
    expect(
      [...Object.keys(POLICY), ...PUBLIC_ROUTES].filter((key) => !registered.has(key)),
    ).toEqual([])
  })

  it('refuses to start with a route that is in neither list', async () => {
    const app = Fastify()
    app.addHook('onRoute', attachAccess)
    expect(() => app.get('/api/v1/forgotten', () => 'x')).toThrow(
      'route GET /api/v1/forgotten is in neither the policy nor the public list',
    )
    await app.close()
  })

  it.each(Object.keys(POLICY))('%s without credentials answers 401', async (key) => {
    const call = ROUTE_CALLS[key]!({
      ws: 'w',
      org: 'o',
      assessment: 'a',
      charter: 'c',
      charterDoc: { structure: 'cto-owns-ai', columns: [], rows: [] },
      playbookId: 'p',
      importJob: 'i',
      memberUserId: 'u',
      tokenId: 't',
      auditId: '1',
      workspaceVersion: 1,
      newMemberEmail: 'x@example.com',
      invitationId: 'inv',
      resetId: 'rst',
      initiative: 'i',
      initiativeVersion: 1,
      meeting: 'm',
      decision: 'd',
      calendarFeed: 'f',
      memberCalendarFeed: 'g',
    })
    const response = await server.app.inject({
      method: call.method,
      url: call.url,
      ...(call.headers ? { headers: call.headers } : {}),
      ...(call.payload === undefined ? {} : { payload: call.payload as string }),
    })
    expect(response.statusCode).toBe(401)
    expect(json(response).error.code).toBe('UNAUTHENTICATED')
  })
})
