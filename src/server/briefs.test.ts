/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aProfile, aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'

describe('GET /api/v1/workspaces/:ws/assessments/:id/briefs', () => {
  let server: TestServer
  let alice: TestUser
  let ws: string
  let assessment: string
  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
    ws = await aWorkspace(server.store, alice, 'Work')
    const org = json(
      await call('POST', '/organizations', {
        profile: aProfile({
          employees: 60,
          engineers: 20,
          ai: { centrality: 'important', functions: ['sales', 'operations'] },
        }),
      }),
    ).id as string
    assessment = json(await call('POST', `/organizations/${org}/assessments`, {})).id as string
  })
  afterEach(async () => {
    await server.close()
  })

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url: `/api/v1/workspaces/${ws}${url}`,
      headers: { authorization: alice.bearer },
      ...(payload === undefined ? {} : { payload: payload as string }),
    })

  it('answers the briefs of every seat as JSON', async () => {
    const response = await call('GET', `/assessments/${assessment}/briefs?format=json`)
    expect(response.statusCode).toBe(200)
    const doc = json(response)
    expect(
      doc.briefs.map((b: { title: string; kind: string; daysPerWeek: number }) => [
        b.title,
        b.kind,
        b.daysPerWeek,
      ]),
    ).toEqual([
      ['CTO', 'search', 5],
      ['CAIO', 'search', 2],
    ])
  })

  it('answers one seat as self-contained HTML', async () => {
    const response = await call('GET', `/assessments/${assessment}/briefs?format=html&seat=CAIO`)
    expect([response.statusCode, response.headers['content-type']]).toEqual([
      200,
      'text/html; charset=utf-8',
    ])
    expect(response.body).toContain('CAIO (fractional): search brief')
    expect(response.body).not.toContain('CTO (full-time)')
  })

  it('answers 404 for a seat the structure does not have', async () => {
    const response = await call('GET', `/assessments/${assessment}/briefs?seat=CTO%2FCAIO`)
    expect([response.statusCode, json(response).error.code]).toEqual([404, 'NOT_FOUND'])
  })

  it('refuses an unknown format with 400 naming the field', async () => {
    const response = await call('GET', `/assessments/${assessment}/briefs?format=pdf`)
    expect(response.statusCode).toBe(400)
    expect(JSON.stringify(json(response))).toContain('format')
  })
})
