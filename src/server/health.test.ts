/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer } from '../../test/server-harness.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { aServer, json } from '../../test/server-harness.js'
import { POLICY, PUBLIC_ROUTES } from './policy.js'

describe('health and docs', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await aServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('answers /healthz and /readyz', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' })
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' })
    expect([health.statusCode, json(health)]).toEqual([200, { status: 'ok' }])
    expect([ready.statusCode, json(ready)]).toEqual([200, { status: 'ready' }])
  })

  it('reports 503 on /readyz when the database is gone', async () => {
    const broken = { ...server.store, ping: () => Promise.reject(new Error('connection refused')) }
    const other = await aServer({}, { store: broken })
    const response = await other.app.inject({ method: 'GET', url: '/readyz' })
    expect(response.statusCode).toBe(503)
    expect(json(response).status).toBe('unavailable')
    await other.app.close()
  })

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' })
    const doc = json(response)
    expect(response.statusCode).toBe(200)
    expect(doc.openapi).toBe('3.1.0')
    const login = doc.paths['/api/v1/auth/login'].post
    expect(login.requestBody.content['application/json'].schema.required).toEqual([
      'email',
      'password',
    ])
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false)
    expect(Object.keys(doc.paths)).toContain('/api/v1/workspaces/{ws}/organizations/{org}/profile')
  })

  it('documents every route of the policy and the public list', async () => {
    const doc = json(await server.app.inject({ method: 'GET', url: '/api/openapi.json' }))
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    const expected = [...Object.keys(POLICY), ...PUBLIC_ROUTES].filter(
      (key) => key !== 'GET /api/openapi.json',
    )
    expect(expected.filter((key) => !documented.includes(key))).toEqual([])
  })

  it('serves the interactive docs without network assets', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).not.toMatch(/https?:\/\/(unpkg|cdn)/)
  })

  it('says how to build the web app when it is missing', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('npm run build:web')
  })

  it('sets header and request timeouts so slow clients cannot hold sockets', () => {
    expect(server.app.server.headersTimeout).toBe(10_000)
    expect(server.app.server.requestTimeout).toBe(60_000)
  })

  it('answers unknown API paths with the error shape', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/nothing' })
    expect(response.statusCode).toBe(404)
    expect(json(response).error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) })
  })
})

describe('web app', () => {
  it('serves the built files with the SPA fallback for non-API paths only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tandem app</title>')
    writeFileSync(join(root, 'app.js'), 'console.log(1)')
    const server = await aServer({}, { webRoot: root })
    const get = (url: string) => server.app.inject({ method: 'GET', url })
    const [index, deep, asset, api, missingAsset] = await Promise.all([
      get('/'),
      get('/workspaces/abc/organizations'),
      get('/app.js'),
      get('/api/v1/nothing'),
      get('/missing.js'),
    ])
    expect([index.statusCode, index.body]).toEqual([
      200,
      '<!doctype html><title>Tandem app</title>',
    ])
    expect([deep.statusCode, deep.body]).toEqual([200, '<!doctype html><title>Tandem app</title>'])
    expect([asset.statusCode, asset.body]).toEqual([200, 'console.log(1)'])
    expect([api.statusCode, json(api).error.code]).toEqual([404, 'NOT_FOUND'])
    expect(missingAsset.statusCode).toBe(404)
    await server.close()
  })
})
