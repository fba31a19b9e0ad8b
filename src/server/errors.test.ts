/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aProfile, aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { loadConfig } from './config.js'
import { redactSecrets } from './logger.js'

describe('error responses', () => {
  let server: TestServer
  let alice: TestUser
  let ws: string
  beforeEach(async () => {
    server = await aServer({ TANDEM_BODY_LIMIT: '4096' })
    alice = await aUser(server.store, 'alice@example.com')
    ws = await aWorkspace(server.store, alice, 'Errors')
  })
  afterEach(async () => {
    await server.close()
  })

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { authorization: alice.bearer, ...headers },
      payload,
    })

  it('answers invalid input with 400 and the field paths', async () => {
    const profile = {
      ...aProfile(),
      engineers: 90,
      ai: { centrality: 'central', functions: [] },
      extra: 1,
    }
    const response = await post(`/api/v1/workspaces/${ws}/organizations`, { profile })
    expect(response.statusCode).toBe(400)
    const error = json(response).error
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.requestId).toBe(response.headers['x-request-id'])
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'profile.ai.centrality',
      'profile.extra',
    ])
  })

  it("keeps each issue's code and path from the engine to the error body", async () => {
    const profile = { ...aProfile(), employees: 'many', extra: 1 }
    const response = await post(`/api/v1/workspaces/${ws}/organizations`, { profile })
    expect(json(response).error.issues).toEqual([
      {
        code: 'invalid_type',
        path: 'profile.employees',
        message: 'Invalid input: expected number, received string',
      },
      { code: 'unknown_field', path: 'profile.extra', message: 'unknown field "extra"' },
    ])
  })

  it('names a forbidden key by its code and full path', async () => {
    const response = await post(
      `/api/v1/workspaces/${ws}/organizations`,
      '{"profile":{"ai":{"constructor":1}}}',
      { 'content-type': 'application/json' },
    )
    expect(json(response).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'the key "constructor" is not allowed',
      issues: [
        {
          code: 'forbidden_key',
          path: 'profile.ai.constructor',
          message: 'the key "constructor" is not allowed',
        },
      ],
    })
  })

  it('says what was not found without echoing the id it was asked for', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/organizations/org-"quoted"-id`,
      headers: { authorization: alice.bearer },
    })
    expect([response.statusCode, json(response).error.code, json(response).error.message]).toEqual([
      404,
      'NOT_FOUND',
      'organization does not exist',
    ])
  })

  it('refuses unknown keys that try to set ids, roles or authors', async () => {
    const response = await post('/api/v1/workspaces', {
      name: 'x',
      id: 'chosen',
      role: 'owner',
      createdBy: 'u',
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'id',
      'role',
      'createdBy',
    ])
  })

  it('refuses __proto__ keys in JSON', async () => {
    const response = await post(
      '/api/v1/workspaces',
      '{"name":"x","__proto__":{"polluted":true}}',
      {
        'content-type': 'application/json',
      },
    )
    expect(response.statusCode).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('answers a body over the limit with 413', async () => {
    const response = await post('/api/v1/workspaces', { name: 'x'.repeat(5000) })
    expect(response.statusCode).toBe(413)
    expect(json(response).error).toMatchObject({ code: 'TOO_LARGE', requestId: expect.any(String) })
  })

  it('answers a wrong content type with 415', async () => {
    const response = await post('/api/v1/workspaces', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(response.statusCode).toBe(415)
    expect(json(response).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers CSV sent to a JSON-only route with 415', async () => {
    const response = await post('/api/v1/workspaces', 'name\nx\n', { 'content-type': 'text/csv' })
    expect(response.statusCode).toBe(415)
  })

  it('answers malformed JSON with 400', async () => {
    const response = await post('/api/v1/workspaces', '{"name":', {
      'content-type': 'application/json',
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.code).toBe('INVALID_INPUT')
  })

  it('answers a bug with 500, a code and the request id only', async () => {
    const broken = {
      ...server.store,
      workspaces: {
        ...server.store.workspaces,
        listForUser: () => Promise.reject(new Error('SQLITE_CORRUPT at /var/lib/tandem.db')),
      },
    }
    const other = await aServer({}, { store: broken })
    const response = await other.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces',
      headers: { authorization: alice.bearer },
    })
    expect(response.statusCode).toBe(500)
    const body = json(response)
    expect(Object.keys(body.error).sort()).toEqual(['code', 'requestId'])
    expect(body.error.code).toBe('INTERNAL')
    expect(response.body).not.toContain('SQLITE')
    expect(
      other.logs.some((line) => line.reqId === body.error.requestId && line.level === 50),
    ).toBe(true)
    await other.app.close()
  })

  it('answers a stale write with 409 and overwrites nothing', async () => {
    const created = await post(`/api/v1/workspaces/${ws}/organizations`, { profile: aProfile() })
    const { id } = json(created)
    const put = (name: string) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/v1/workspaces/${ws}/organizations/${id}/profile`,
        headers: { authorization: alice.bearer },
        payload: { profile: aProfile({ name }), expectedVersion: 1 },
      })
    expect((await put('First edit')).statusCode).toBe(200)
    const stale = await put('Stale edit')
    expect(stale.statusCode).toBe(409)
    expect(json(stale).error.code).toBe('CONFLICT')
    const current = await server.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/organizations/${id}`,
      headers: { authorization: alice.bearer },
    })
    expect(json(current)).toMatchObject({ name: 'First edit', profileVersion: 2 })
  })
})

describe('logs', () => {
  it('never contain passwords, tokens, cookies or Authorization headers, even nested', async () => {
    const server = await aServer()
    const alice = await aUser(server.store, 'alice@example.com')
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: 'tandem_session=cookie-secret-123456' },
      payload: { email: alice.email, password: 'hunter2-wrong-password' },
    })
    await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: alice.bearer },
    })
    server.app.log.info(
      {
        request: {
          headers: { Authorization: 'Bearer nested-secret' },
          body: { newPassword: 'nested-password' },
        },
        apiToken: 'tdm_secret',
      },
      'nested',
    )
    const text = JSON.stringify(server.logs)
    for (const secret of [
      'hunter2-wrong-password',
      'cookie-secret-123456',
      alice.bearer.slice(7),
      'nested-secret',
      'nested-password',
      'tdm_secret',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(server.logs.some((line) => typeof line.reqId === 'string')).toBe(true)
    await server.close()
  })

  it('redacts secret-named keys at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        a: 1,
        deep: [{ password: 'x', cookie: 'y', ok: 'z' }],
        Authorization: 'Bearer q',
      }),
    ).toEqual({
      a: 1,
      deep: [{ password: '[redacted]', cookie: '[redacted]', ok: 'z' }],
      Authorization: '[redacted]',
    })
  })
})

describe('configuration', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8080', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      publicAssess: true,
      demo: true,
      secureCookies: false,
    })
  })

  it('names the bad variable and the value it got', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        problems: [
          { field: 'PORT', message: expect.stringContaining('(got "eighty")') },
          {
            field: 'DATABASE_URL',
            message: 'a postgres:// or postgresql:// URL (got "mysql://x")',
          },
        ],
      }),
    )
  })
})
