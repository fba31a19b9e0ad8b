/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import type { Call, Ids } from '../../test/server-routes.js'
import { aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { injectCall, ROUTE_CALLS, seedWorkspace, snapshot } from '../../test/server-routes.js'
import { POLICY } from './policy.js'

// reliability.md §A canary sweep: as A's owner, every route with B's ids wherever an id goes.
const MARKER = 'CANARYB7F3A'

describe('tenancy', () => {
  let server: TestServer
  let alice: TestUser
  let a: Ids
  let b: Ids
  let bBefore: string
  let leaks: readonly string[]

  beforeAll(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
    const bob = await aUser(server.store, 'bob@example.com')
    const wsA = await aWorkspace(server.store, alice, 'Alpha')
    const wsB = await aWorkspace(server.store, bob, `${MARKER} workspace`)
    a = await seedWorkspace(server.store, alice, wsA, 'ALPHA')
    b = await seedWorkspace(server.store, bob, wsB, MARKER)
    bBefore = await snapshot(server.store, wsB)
    leaks = [
      MARKER,
      MARKER.toLowerCase(),
      b.ws,
      b.org,
      b.assessment,
      b.charter,
      b.importJob,
      b.memberUserId,
      b.tokenId,
      b.invitationId,
      b.resetId,
      b.initiative,
      b.meeting,
      b.decision,
      b.calendarFeed,
      b.memberCalendarFeed,
    ]
  })
  afterAll(async () => {
    await server.close()
  })

  function send(call: Call) {
    return injectCall(server.app, call, alice)
  }

  function expectNoLeak(body: string): void {
    for (const value of leaks) expect(body).not.toContain(value)
  }

  it('has a request for every route of the policy', () => {
    expect(Object.keys(ROUTE_CALLS).sort()).toEqual(Object.keys(POLICY).sort())
  })

  const workspaceRoutes = Object.keys(POLICY).filter((key) => key.includes(':ws'))
  const idRoutes = workspaceRoutes.filter((key) => /:(org|id|userId)/.test(key))

  it.each(workspaceRoutes)("%s in B's workspace answers 404 and leaks nothing", async (key) => {
    const response = await send(ROUTE_CALLS[key]!(b))
    expect(response.statusCode).toBe(404)
    expectNoLeak(response.body)
  })

  it.each(idRoutes)(
    "%s in A's workspace with B's ids answers 404 and leaks nothing",
    async (key) => {
      const ids: Ids = {
        ...b,
        ws: a.ws,
        charterDoc: a.charterDoc,
        newMemberEmail: a.newMemberEmail,
      }
      const response = await send(ROUTE_CALLS[key]!(ids))
      expect(response.statusCode).toBe(404)
      expectNoLeak(response.body)
    },
  )

  it.each(
    Object.keys(POLICY).filter(
      (key) => !idRoutes.includes(key) && key !== 'POST /api/v1/auth/logout',
    ),
  )("%s with A's ids and B's ids in query or body shows only A's data", async (key) => {
    const ids: Ids = { ...a, auditId: b.auditId, tokenId: b.tokenId, playbookId: b.playbookId }
    const response = await send(ROUTE_CALLS[key]!(ids))
    expectNoLeak(response.body)
    if (key === 'DELETE /api/v1/tokens/:id') expect(response.statusCode).toBe(404)
  })

  it("refuses mixed references: A's organization with B's playbook", async () => {
    const response = await send(
      ROUTE_CALLS['POST /api/v1/workspaces/:ws/organizations/:org/assessments']!({
        ...a,
        playbookId: b.playbookId,
      }),
    )
    expect(response.statusCode).toBe(404)
    expectNoLeak(response.body)
  })

  it('hides B from the portfolio, the workspace list and the audit log', async () => {
    const bodies = await Promise.all(
      [
        `/api/v1/workspaces/${a.ws}/portfolio`,
        '/api/v1/workspaces',
        '/api/v1/me',
        `/api/v1/workspaces/${a.ws}/audit`,
      ].map((url) => send({ method: 'GET', url })),
    )
    for (const response of bodies) {
      expect(response.statusCode).toBe(200)
      expectNoLeak(response.body)
    }
    expect(json(bodies[1]!).map((w: { id: string }) => w.id)).toContain(a.ws)
    const audit = json<{ id: string; target: string }[]>(bodies[3]!)
    expect(audit.length).toBeGreaterThan(0)
    expect(audit.map((row) => row.id)).not.toContain(b.auditId)
  })

  it('leaves B unchanged after the sweep', async () => {
    expect(await snapshot(server.store, b.ws)).toBe(bBefore)
  })
})
