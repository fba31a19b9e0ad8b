/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aServer, aSession, aUser, json, TEST_PASSWORD } from '../../test/server-harness.js'
import { LOGIN_WINDOW_MS } from './auth/login-throttle.js'

const ORIGIN = 'http://localhost:80'

describe('accounts and sessions', () => {
  let server: TestServer
  let alice: TestUser
  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
  })
  afterEach(async () => {
    await server.close()
  })

  async function login(password = TEST_PASSWORD, url = '/api/v1/auth/login', ip = '10.0.0.1') {
    return server.app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      payload: { email: alice.email, password },
    })
  }

  function sessionCookie(response: Awaited<ReturnType<typeof login>>): string {
    const cookie = response.cookies.find((c) => c.name === 'tandem_session')
    if (!cookie) throw new Error('no session cookie')
    return cookie.value
  }

  it('signs in with the right password and sets a hardened session cookie', async () => {
    const response = await login()
    expect(response.statusCode).toBe(200)
    expect(json(response)).toEqual({ user: { id: alice.id, email: alice.email, name: 'alice' } })
    const cookie = response.cookies.find((c) => c.name === 'tandem_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.secure).toBeUndefined()
    expect(Buffer.from(cookie?.value ?? '', 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('marks the cookie Secure when TANDEM_SECURE_COOKIES is on', async () => {
    const secure = await aServer({ TANDEM_SECURE_COOKIES: 'on' })
    const bob = await aUser(secure.store, 'bob@example.com')
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: bob.email, password: TEST_PASSWORD },
    })
    expect(response.cookies.find((c) => c.name === 'tandem_session')?.secure).toBe(true)
    await secure.close()
  })

  it('stores only a hash of the session id', async () => {
    const value = sessionCookie(await login())
    expect(await server.store.sessions.find(value)).toBeNull()
  })

  it('refuses a wrong password with 401 and the same message as an unknown account', async () => {
    const wrong = await login('not the password')
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'whatever123' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(json(wrong).error.message).toBe('the email or password is wrong')
    expect(json(unknown).error.message).toBe('the email or password is wrong')
  })

  it('answers the 6th failed login for an account within 15 minutes with 429, even with the right password', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push((await login('wrong-password', undefined, `10.0.1.${i}`)).statusCode)
    const sixth = await login(TEST_PASSWORD, undefined, '10.0.2.1')
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    expect(sixth.statusCode).toBe(429)
    expect(sixth.headers['retry-after']).toBe(String(LOGIN_WINDOW_MS / 1000))
    expect(json(sixth).error.code).toBe('RATE_LIMITED')
  })

  it('counts /login/, /Login and /API/v1/AUTH/login as one route', async () => {
    const urls = [
      '/api/v1/auth/login/',
      '/api/v1/auth/Login',
      '/API/v1/AUTH/login',
      '/api/v1/auth/login',
      '/api/v1/auth/LOGIN/',
    ]
    const statuses: number[] = []
    for (const url of urls) statuses.push((await login('wrong-password', url)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    expect((await login(TEST_PASSWORD, '/api/v1/auth/login/')).statusCode).toBe(429)
  })

  it('throttles per IP across accounts', async () => {
    for (let i = 0; i < 5; i++) {
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: `user${i}@example.com`, password: 'wrong-password' },
      })
    }
    expect((await login(TEST_PASSWORD, undefined, '10.9.9.9')).statusCode).toBe(429)
    expect((await login(TEST_PASSWORD, undefined, '10.9.9.10')).statusCode).toBe(200)
  })

  it('records failed logins in the security log, never the password', async () => {
    await login('wrong-password')
    const events = await server.store.securityLog.list({ kind: 'login.failed' })
    expect(events.map((e) => [e.kind, e.email, e.ip])).toEqual([
      ['login.failed', alice.email, '10.0.0.1'],
    ])
    expect(JSON.stringify(events)).not.toContain('wrong-password')
  })

  it('renews the session id at login and ends the previous one', async () => {
    const first = sessionCookie(await login())
    const second = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      cookies: { tandem_session: first },
      headers: { origin: ORIGIN },
      payload: { email: alice.email, password: TEST_PASSWORD },
    })
    const renewed = sessionCookie(second)
    expect(renewed).not.toBe(first)
    const me = (value: string) =>
      server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tandem_session: value } })
    expect((await me(first)).statusCode).toBe(401)
    expect((await me(renewed)).statusCode).toBe(200)
  })

  it('logout invalidates the session on the server', async () => {
    const value = sessionCookie(await login())
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { tandem_session: value },
      headers: { origin: ORIGIN },
    })
    expect(logout.statusCode).toBe(204)
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { tandem_session: value },
    })
    expect(me.statusCode).toBe(401)
  })

  it('ends an idle session after the idle timeout', async () => {
    let now = new Date('2026-01-01T09:00:00Z')
    const idle = await aServer({ TANDEM_SESSION_IDLE_MINUTES: '30' }, {})
    const bob = await aUser(idle.store, 'bob@example.com')
    const secret = 'idle-session-secret-value-0123456789'
    const { hashSecret } = await import('./auth/secrets.js')
    await idle.store.sessions.create({
      id: hashSecret(secret),
      userId: bob.id,
      expiresAt: new Date(Date.now() + 3_600_000 * 24).toISOString(),
    })
    const fresh = await idle.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { tandem_session: secret },
    })
    expect(fresh.statusCode).toBe(200)
    now = new Date(Date.now() + 31 * 60_000)
    const late = await aServer(
      { TANDEM_SESSION_IDLE_MINUTES: '30' },
      { store: idle.store, now: () => now },
    )
    const stale = await late.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { tandem_session: secret },
    })
    expect(stale.statusCode).toBe(401)
    expect(await idle.store.sessions.find(hashSecret(secret))).toBeNull()
    await late.app.close()
    await idle.close()
  })

  it('a password change ends the other sessions and keeps this one', async () => {
    const keep = sessionCookie(await login())
    const other = sessionCookie(await login())
    const change = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { tandem_session: keep },
      headers: { origin: ORIGIN },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' },
    })
    expect(change.statusCode).toBe(204)
    const me = (value: string) =>
      server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tandem_session: value } })
    expect((await me(keep)).statusCode).toBe(200)
    expect((await me(other)).statusCode).toBe(401)
    expect((await login('a much better passphrase')).statusCode).toBe(200)
  })

  it.each([
    ['short1', 'the newPassword must be at least 8 characters (got 6)'],
    ['x'.repeat(129), 'the newPassword must be at most 128 characters (got 129)'],
    ['Password123', 'the newPassword is one of the most common passwords; choose another'],
    [
      ' '.repeat(8),
      'the newPassword is only spaces or other whitespace; use words or characters you can see',
    ],
    [
      ' \t \n\u00a0 \t\u2003',
      'the newPassword is only spaces or other whitespace; use words or characters you can see',
    ],
    [
      'z'.repeat(20),
      'the newPassword is one character repeated; choose a passphrase of a few words',
    ],
    [
      '😀'.repeat(8),
      'the newPassword is one character repeated; choose a passphrase of a few words',
    ],
  ])('refuses the new password %j', async (newPassword, message) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      ...(await aSession(server.app, alice)),
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.message).toBe(message)
    expect(json(response).error.issues[0].path).toBe('newPassword')
  })

  it('accepts a 64-character passphrase', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      ...(await aSession(server.app, alice)),
      payload: {
        currentPassword: TEST_PASSWORD,
        newPassword: 'p'.repeat(40) + ' with spaces and more ok',
      },
    })
    expect(response.statusCode).toBe(204)
  })
})

describe('CSRF defence', () => {
  let server: TestServer
  let cookie: string
  beforeEach(async () => {
    server = await aServer()
    const alice = await aUser(server.store, 'alice@example.com')
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: alice.email, password: TEST_PASSWORD },
    })
    cookie = response.cookies.find((c) => c.name === 'tandem_session')?.value ?? ''
  })
  afterEach(async () => {
    await server.close()
  })

  const createWorkspace = (headers: Record<string, string>) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      cookies: { tandem_session: cookie },
      headers,
      payload: { name: 'New' },
    })

  it.each([
    [{ origin: 'http://localhost:80' }, 201],
    [{ 'sec-fetch-site': 'same-origin' }, 201],
    [{ origin: 'https://evil.example' }, 403],
    [{ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80' }, 403],
    [{ 'sec-fetch-site': 'same-site' }, 403],
    [{}, 403],
  ])('a cookie-authenticated write with %j gets %i', async (headers, status) => {
    const response = await createWorkspace(headers)
    expect(response.statusCode).toBe(status)
  })

  it('writes nothing when it refuses', async () => {
    await createWorkspace({ origin: 'https://evil.example' })
    const list = await server.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces',
      cookies: { tandem_session: cookie },
    })
    expect(json(list)).toEqual([])
  })

  it('refuses a cross-site login form post', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'alice@example.com', password: TEST_PASSWORD },
    })
    expect(response.statusCode).toBe(403)
  })

  it('does not apply to bearer-token requests, which browsers never send on their own', async () => {
    const bob = await aUser(server.store, 'bob@example.com')
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { authorization: bob.bearer },
      payload: { name: 'Via token' },
    })
    expect(response.statusCode).toBe(201)
  })
})

describe('API tokens', () => {
  let server: TestServer
  let alice: TestUser
  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
  })
  afterEach(async () => {
    await server.close()
  })

  it('shows a new token once, lists it without the secret, and revokes it at once', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      ...(await aSession(server.app, alice)),
      payload: { name: 'ci' },
    })
    expect(created.statusCode).toBe(201)
    const { id, token } = json(created)
    expect(token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/)
    const list = await server.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: { authorization: alice.bearer },
    })
    expect(list.body).not.toContain(token)
    expect(
      json(list)
        .map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual(['ci', 'test'])
    const me = () =>
      server.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      })
    expect((await me()).statusCode).toBe(200)
    const revoke = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: { authorization: alice.bearer },
    })
    expect(revoke.statusCode).toBe(204)
    expect((await me()).statusCode).toBe(401)
  })

  it("cannot revoke someone else's token", async () => {
    const bob = await aUser(server.store, 'bob@example.com')
    const [bobToken] = await server.store.apiTokens.list(bob.id)
    const response = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${bobToken?.id}`,
      headers: { authorization: alice.bearer },
    })
    expect(response.statusCode).toBe(404)
    expect(await server.store.apiTokens.list(bob.id)).toHaveLength(1)
  })

  it('refuses a malformed or unknown bearer token with 401', async () => {
    const bad = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic abc' },
    })
    const unknown = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer tdm_unknownunknownunknownunknown' },
    })
    expect([bad.statusCode, unknown.statusCode]).toEqual([401, 401])
  })
})
