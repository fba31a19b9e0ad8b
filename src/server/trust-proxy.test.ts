/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON checked by exact values */
import { afterEach, describe, expect, it } from 'vitest'
import type { TestServer } from '../../test/server-harness.js'
import { aProfile, aServer, aUser, json, TEST_PASSWORD } from '../../test/server-harness.js'
import { loadConfig } from './config.js'
import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy.js'

const PROXY = '10.0.0.1'

describe('parseTrustProxy', () => {
  it.each([
    ['false', false],
    ['off', false],
    ['0', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8 , ::1,fd00::/8 ', ['10.0.0.0/8', '::1', 'fd00::/8']],
  ] as const)('reads %j', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected)
  })

  it.each(['yes', '10.0.0.0/33', '10.0.0.1/8/1', 'proxy.local', '10.0.0.1,'])(
    'refuses %j, naming the bad entry',
    (text) => {
      expect(parseTrustProxy(text)).toMatch(/^true, false, a hop count or comma-separated/)
    },
  )

  it('trusts a hop count of proxies counted from the socket peer', () => {
    const trust = fastifyTrustProxy(2)
    if (typeof trust !== 'function') throw new Error('a hop count must become a function')
    expect([0, 1, 2].map((hop) => trust('192.0.2.1', hop))).toEqual([true, true, false])
  })

  it('is a configuration error naming TANDEM_TRUST_PROXY and the value', () => {
    expect(() => loadConfig({ TANDEM_TRUST_PROXY: 'sometimes' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        problems: [
          {
            field: 'TANDEM_TRUST_PROXY',
            message:
              'true, false, a hop count or comma-separated IP addresses/CIDRs; "sometimes" is none of these (got "sometimes")',
          },
        ],
      }),
    )
  })
})

describe('the server behind a reverse proxy', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  // Five failures from the proxy's socket, each claiming another client in X-Forwarded-For.
  async function failFiveTimesThenLogin(): Promise<number> {
    const alice = await aUser(server.store, 'alice@example.com')
    for (let i = 0; i < 5; i++) {
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': '203.0.113.7' },
        payload: { email: `user${i}@example.com`, password: 'wrong-password' },
      })
    }
    const next = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-for': '203.0.113.8' },
      payload: { email: alice.email, password: TEST_PASSWORD },
    })
    return next.statusCode
  }

  it('ignores X-Forwarded-For by default: the throttle counts the socket address', async () => {
    server = await aServer()
    expect(await failFiveTimesThenLogin()).toBe(429)
    const events = await server.store.securityLog.list({ kind: 'login.failed' })
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set([PROXY]))
  })

  it('counts the forwarded client address when the proxy is trusted', async () => {
    server = await aServer({ TANDEM_TRUST_PROXY: PROXY })
    expect(await failFiveTimesThenLogin()).toBe(200)
    const events = await server.store.securityLog.list({ kind: 'login.failed' })
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set(['203.0.113.7']))
  })

  it('ignores X-Forwarded-For from a peer that is not in the trusted list', async () => {
    server = await aServer({ TANDEM_TRUST_PROXY: '10.9.9.9' })
    expect(await failFiveTimesThenLogin()).toBe(429)
  })

  it('rate-limits assessments by the forwarded client address when trusted', async () => {
    server = await aServer({ TANDEM_TRUST_PROXY: 'true', TANDEM_ASSESS_RATE: '1' })
    const assessAs = async (client: string) =>
      (
        await server.app.inject({
          method: 'POST',
          url: '/api/v1/assess',
          remoteAddress: PROXY,
          headers: { 'x-forwarded-for': client },
          payload: aProfile(),
        })
      ).statusCode
    expect([
      await assessAs('203.0.113.1'),
      await assessAs('203.0.113.2'),
      await assessAs('203.0.113.1'),
    ]).toEqual([200, 200, 429])
  })

  async function login(headers: Record<string, string>) {
    const bob = await aUser(server.store, 'bob@example.com')
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: PROXY,
      headers,
      payload: { email: bob.email, password: TEST_PASSWORD },
    })
  }

  it('marks the session cookie Secure for X-Forwarded-Proto https from a trusted proxy', async () => {
    server = await aServer({ TANDEM_TRUST_PROXY: PROXY })
    const response = await login({ 'x-forwarded-proto': 'https' })
    expect(response.cookies.find((c) => c.name === 'tandem_session')?.secure).toBe(true)
  })

  it('does not mark the cookie Secure for an untrusted X-Forwarded-Proto', async () => {
    server = await aServer()
    const response = await login({ 'x-forwarded-proto': 'https' })
    expect(response.cookies.find((c) => c.name === 'tandem_session')?.secure).toBeUndefined()
  })

  it('accepts the https Origin forwarded by a trusted proxy in the CSRF check', async () => {
    server = await aServer({ TANDEM_TRUST_PROXY: PROXY })
    const headers = {
      origin: 'https://tandem.example.com',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'tandem.example.com',
    }
    expect((await login(headers)).statusCode).toBe(200)
  })

  it('refuses that Origin when the proxy headers are not trusted', async () => {
    server = await aServer()
    const response = await login({
      origin: 'https://tandem.example.com',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'tandem.example.com',
    })
    expect(response.statusCode).toBe(403)
    expect(json(response).error.code).toBe('FORBIDDEN')
  })
})
