import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aServer, aUser, aWorkspace } from '../../test/server-harness.js'

// Response headers and odd paths (issue 12 hardening): a Content-Security-Policy that forbids
// framing on every page, `no-store` on authenticated and API replies, and 404 (not 500) for paths
// with an empty segment, with and without a built web app behind them.

let webRoot: string
let server: TestServer
let withWeb: TestServer
let alice: TestUser
let ws: string

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'tandem-web-root-'))
  mkdirSync(join(webRoot, 'assets'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(webRoot, 'assets/app.js'), 'export {}')
  server = await aServer({ TANDEM_LOG_LEVEL: 'silent' })
  withWeb = await aServer({ TANDEM_LOG_LEVEL: 'silent' }, { store: server.store, webRoot })
  alice = await aUser(server.store, 'alice@example.com')
  ws = await aWorkspace(server.store, alice, 'North')
})

afterAll(async () => {
  await withWeb.close()
  await server.close()
  rmSync(webRoot, { recursive: true, force: true })
})

describe('Content-Security-Policy', () => {
  it.each([
    ['the web app', '/'],
    ['a web app route', '/workspaces/x'],
    ['a web app asset', '/assets/app.js'],
    ['the API docs', '/api/docs'],
    ['an API reply', '/api/v1/playbook'],
  ])('forbids framing and foreign scripts on %s', async (_name, url) => {
    const response = await withWeb.app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(200)
    const policy = String(response.headers['content-security-policy'])
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-inline')
  })

  it('adds frame-ancestors to a page that brings its own policy', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' })
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
  })
})

describe('Cache-Control', () => {
  it('is no-store on authenticated JSON', async () => {
    for (const url of ['/api/v1/me', `/api/v1/workspaces/${ws}/organizations`]) {
      const response = await server.app.inject({
        method: 'GET',
        url,
        headers: { authorization: alice.bearer },
      })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('is no-store on API errors and anonymous API replies too', async () => {
    const denied = await server.app.inject({ method: 'GET', url: '/api/v1/me' })
    expect(denied.statusCode).toBe(401)
    expect(denied.headers['cache-control']).toBe('no-store')
  })

  it("leaves the web app's static files cacheable", async () => {
    const response = await withWeb.app.inject({ method: 'GET', url: '/assets/app.js' })
    expect(response.headers['cache-control']).not.toBe('no-store')
  })
})

describe('paths with an empty segment', () => {
  const paths = [
    '/api/v1/workspaces//audit',
    '/api/v1/workspaces//organizations',
    '//api/v1/me',
    '/api/v1//me',
    '/api/v1/me//',
    '//',
  ]

  it.each(paths)('%s is 404 without a web build', async (url) => {
    const response = await server.app.inject({
      method: 'GET',
      url,
      headers: { authorization: alice.bearer },
    })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it.each(paths)('%s is 404 with the web app served', async (url) => {
    const response = await withWeb.app.inject({
      method: 'GET',
      url,
      headers: { authorization: alice.bearer },
    })
    expect(response.statusCode).toBe(404)
  })

  it('is 404 for writes too', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces//organizations',
      headers: { authorization: alice.bearer },
      payload: { profile: {} },
    })
    expect(response.statusCode).toBe(404)
  })
})
