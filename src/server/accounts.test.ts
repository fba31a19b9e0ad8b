/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import type { LightMyRequestResponse } from 'fastify'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import type { SmtpListener } from '../../test/smtp-listener.js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  aServer,
  aSession,
  aUser,
  aWorkspace,
  json,
  TEST_PASSWORD,
} from '../../test/server-harness.js'
import { startSmtpListener } from '../../test/smtp-listener.js'
import type { Database } from '../store/db.js'
import { createStore, openDatabase } from '../store/index.js'

// Issue 12 item 3: invitations, owner-issued reset links, password change, with what a link
// promises: one use, an expiry, revocation, and only a hash of its token kept.

const ORIGIN = 'http://localhost:80'
const DAY = 86_400_000

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tandem_session')
  if (!cookie)
    throw new Error(`no session cookie (status ${response.statusCode}): ${response.body}`)
  return cookie.value
}

function tokenOf(link: string): string {
  return link.split('/').at(-1) ?? ''
}

describe('invitations', () => {
  let server: TestServer
  let now: Date
  let owner: TestUser
  let ws: string

  let database: Database

  beforeEach(async () => {
    now = new Date()
    // One clock for the server and its store: links expire and throttles forget by it.
    database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database, clock: () => now })
    server = await aServer({}, { store, now: () => now })
    owner = await aUser(server.store, 'olivia@example.com')
    ws = await aWorkspace(server.store, owner, 'Northwind')
  })
  afterEach(async () => {
    await server.close()
    await database.close()
  })

  function invite(email: string, role = 'editor') {
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/invitations`,
      headers: { authorization: owner.bearer },
      payload: { email, role },
    })
  }
  function post(url: string, payload: unknown, cookie?: string) {
    return server.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN },
      payload: payload as Record<string, unknown>,
      ...(cookie ? { cookies: { tandem_session: cookie } } : {}),
    })
  }

  it('gives the owner a one-time link, stores only its hash, and lists it as pending', async () => {
    const response = await invite('Ivy@Example.com')
    expect(response.statusCode).toBe(201)
    const body = json(response)
    expect(body).toMatchObject({
      email: 'Ivy@Example.com',
      role: 'editor',
      status: 'pending',
      emailed: false,
    })
    expect(body.link).toMatch(/^http:\/\/localhost:80\/#\/invitation\/[A-Za-z0-9_-]{43}$/)
    expect(Date.parse(body.expiresAt) - now.getTime()).toBe(7 * DAY)
    const stored = await server.store.invitations.listPending(ws)
    expect(JSON.stringify(stored)).not.toContain(tokenOf(body.link))
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/invitations`,
      headers: { authorization: owner.bearer },
    })
    expect(json(list).map((i: { email: string }) => i.email)).toEqual(['Ivy@Example.com'])
  })

  it('lets a new person set a password, join with the role and be signed in; the link then says used', async () => {
    const token = tokenOf(json(await invite('ivy@example.com')).link)
    const lookup = await post('/api/v1/invitations/lookup', { token })
    expect(json(lookup)).toEqual({
      status: 'pending',
      invitation: {
        email: 'ivy@example.com',
        role: 'editor',
        workspaceName: 'Northwind',
        invitedBy: 'olivia',
        expiresAt: new Date(now.getTime() + 7 * DAY).toISOString(),
        accountExists: false,
        signedIn: false,
      },
    })
    const weak = await post('/api/v1/invitations/accept', { token, password: ' '.repeat(9) })
    expect(weak.statusCode).toBe(400)
    const accepted = await post('/api/v1/invitations/accept', {
      token,
      name: 'Ivy',
      password: 'ivy picks a passphrase',
    })
    expect(accepted.statusCode).toBe(201)
    expect(json(accepted).workspace).toEqual({ id: ws, name: 'Northwind', role: 'editor' })
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { tandem_session: cookieOf(accepted) },
    })
    expect(json(me).workspaces).toEqual([{ id: ws, name: 'Northwind', role: 'editor' }])
    expect(json(await post('/api/v1/invitations/lookup', { token }))).toEqual({ status: 'used' })
    const again = await post('/api/v1/invitations/accept', {
      token,
      password: 'ivy picks a passphrase',
    })
    expect(again.statusCode).toBe(404)
    const [audit] = await server.store.audit.list(ws, { limit: 1 })
    expect(audit).toMatchObject({ action: 'invitation.accept', after: { role: 'editor' } })
  })

  it('asks an existing account for its password, throttled like sign-in', async () => {
    const ivy = await aUser(server.store, 'ivy@example.com')
    const token = tokenOf(json(await invite('ivy@example.com', 'viewer')).link)
    expect(json(await post('/api/v1/invitations/lookup', { token })).invitation.accountExists).toBe(
      true,
    )
    const missing = await post('/api/v1/invitations/accept', { token })
    expect(missing.statusCode).toBe(400)
    expect(json(missing).error.issues[0].path).toBe('password')
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/api/v1/invitations/accept', { token, password: `wrong ${i}` })
      expect(wrong.statusCode).toBe(401)
    }
    const throttled = await post('/api/v1/invitations/accept', { token, password: ivy.password })
    expect(throttled.statusCode).toBe(429)
    expect(await server.store.members.role(ws, ivy.id)).toBeNull()
    now = new Date(now.getTime() + 16 * 60_000)
    const joined = await post('/api/v1/invitations/accept', { token, password: ivy.password })
    expect(joined.statusCode).toBe(200)
    expect(await server.store.members.role(ws, ivy.id)).toBe('viewer')
  })

  it('needs no password from the invited account when it is signed in', async () => {
    const ivy = await aUser(server.store, 'ivy@example.com')
    const token = tokenOf(json(await invite('ivy@example.com')).link)
    const lookup = await post('/api/v1/invitations/lookup', { token }, ivy.session)
    expect(json(lookup).invitation.signedIn).toBe(true)
    const joined = await post('/api/v1/invitations/accept', { token }, ivy.session)
    expect(joined.statusCode).toBe(200)
    expect(joined.cookies).toEqual([])
    expect(await server.store.members.role(ws, ivy.id)).toBe('editor')
  })

  it('refuses an expired link and a revoked one, and says which', async () => {
    const first = json(await invite('ivy@example.com'))
    const revoke = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${ws}/invitations/${first.id}`,
      headers: { authorization: owner.bearer },
    })
    expect(revoke.statusCode).toBe(204)
    expect(json(await post('/api/v1/invitations/lookup', { token: tokenOf(first.link) }))).toEqual({
      status: 'revoked',
    })
    const second = json(await invite('ivy@example.com'))
    now = new Date(now.getTime() + 8 * DAY)
    const token = tokenOf(second.link)
    expect(json(await post('/api/v1/invitations/lookup', { token }))).toEqual({ status: 'expired' })
    const accept = await post('/api/v1/invitations/accept', {
      token,
      password: 'a fine passphrase',
    })
    expect(accept.statusCode).toBe(404)
    expect(await server.store.users.findByEmail('ivy@example.com')).toBeNull()
    const unknown = await post('/api/v1/invitations/lookup', { token: 'x'.repeat(43) })
    expect(unknown.statusCode).toBe(404)
  })

  it('refuses to invite a member, the same email twice, or a demo address', async () => {
    expect((await invite('olivia@example.com')).statusCode).toBe(409)
    expect((await invite('ivy@example.com')).statusCode).toBe(201)
    expect(json(await invite('IVY@example.com')).error.code).toBe('CONFLICT')
    const demo = await invite('visitor-x@demo.tandem.invalid')
    expect(json(demo).error.issues[0].path).toBe('email')
  })
})

describe('invitation emails', () => {
  let smtp: SmtpListener
  beforeAll(async () => {
    smtp = await startSmtpListener()
  })
  afterAll(() => smtp.close())

  it('are sent through TANDEM_SMTP_URL with the link, from TANDEM_MAIL_FROM', async () => {
    const server = await aServer({
      TANDEM_SMTP_URL: smtp.url,
      TANDEM_MAIL_FROM: 'Tandem <tandem@consultancy.example>',
      TANDEM_PUBLIC_ORIGIN: 'https://tandem.consultancy.example',
    })
    const owner = await aUser(server.store, 'olivia@example.com')
    const ws = await aWorkspace(server.store, owner, 'Northwind')
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/invitations`,
      headers: { authorization: owner.bearer },
      payload: { email: 'ivy@example.com', role: 'viewer' },
    })
    const body = json(response)
    expect(body.emailed).toBe(true)
    expect(body.link).toMatch(/^https:\/\/tandem\.consultancy\.example\/#\/invitation\//)
    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail?.from).toBe('tandem@consultancy.example')
    expect(mail?.to).toEqual(['ivy@example.com'])
    expect(mail?.data).toContain('Subject: olivia invited you to Northwind on Tandem')
    expect(mail?.data.replace(/=\n/g, '')).toContain(body.link)
    // The log says a mail went out, never its link.
    expect(JSON.stringify(server.logs)).not.toContain(tokenOf(body.link))
    await server.close()
  })

  it('still answer the link, emailed false, when the mail server cannot be reached', async () => {
    const server = await aServer({ TANDEM_SMTP_URL: 'smtp://127.0.0.1:1' })
    const owner = await aUser(server.store, 'olivia@example.com')
    const ws = await aWorkspace(server.store, owner, 'Northwind')
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/invitations`,
      headers: { authorization: owner.bearer },
      payload: { email: 'ivy@example.com', role: 'viewer' },
    })
    expect(response.statusCode).toBe(201)
    expect(json(response).emailed).toBe(false)
    expect(server.logs.some((line) => line['msg'] === 'mail not sent')).toBe(true)
    await server.close()
  })
})

describe('password reset links', () => {
  let server: TestServer
  let owner: TestUser
  let member: TestUser
  let ws: string

  beforeEach(async () => {
    server = await aServer()
    owner = await aUser(server.store, 'olivia@example.com')
    member = await aUser(server.store, 'max@example.com')
    ws = await aWorkspace(server.store, owner, 'Northwind', [{ user: member, role: 'editor' }])
  })
  afterEach(() => server.close())

  async function issue(as: TestUser = owner) {
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/members/${member.id}/password-reset`,
      headers: { origin: ORIGIN },
      cookies: { tandem_session: as.session },
    })
  }
  const complete = (token: string, password: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/password-resets/complete',
      payload: { token, password },
    })

  it('sets a new password once, ends the member’s sessions, and signs them in', async () => {
    const issued = await issue()
    expect(issued.statusCode).toBe(201)
    const token = tokenOf(json(issued).link)
    expect(json(issued).link).toMatch(/\/#\/reset-password\/[A-Za-z0-9_-]{43}$/)
    const lookup = await server.app.inject({
      method: 'POST',
      url: '/api/v1/password-resets/lookup',
      payload: { token },
    })
    expect(json(lookup)).toMatchObject({ status: 'pending', reset: { email: 'max@example.com' } })
    const refused = await complete(token, 'password123')
    expect(refused.statusCode).toBe(400)
    const done = await complete(token, 'max has a new passphrase')
    expect(done.statusCode).toBe(200)
    const fresh = cookieOf(done)
    const me = (cookie: string) =>
      server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tandem_session: cookie } })
    expect((await me(member.session)).statusCode).toBe(401)
    expect((await me(fresh)).statusCode).toBe(200)
    expect((await complete(token, 'and yet another one')).statusCode).toBe(404)
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: 'max has a new passphrase' },
    })
    expect(login.statusCode).toBe(200)
    const [event] = await server.store.securityLog.list({ kind: 'password.reset', limit: 1 })
    expect(event).toMatchObject({ userId: member.id, workspaceId: ws })
  })

  it('is refused to an API token, to a non-owner, and for a member of a workspace the owner does not own', async () => {
    const byToken = await server.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/members/${member.id}/password-reset`,
      headers: { authorization: owner.bearer },
    })
    expect(json(byToken).error.code).toBe('INSUFFICIENT_SCOPE')
    expect(json(await issue(member)).error.code).toBe('FORBIDDEN')
    const other = await aUser(server.store, 'bob@example.com')
    await aWorkspace(server.store, other, 'Elsewhere', [{ user: member, role: 'viewer' }])
    const foreign = await issue()
    expect(foreign.statusCode).toBe(403)
    expect(json(foreign).error.message).toBe(
      'this member also belongs to workspaces you do not own; ask them to change their password themselves, or a server administrator to reset it',
    )
    expect(await server.store.passwordResets.listPending(ws)).toEqual([])
  })

  it('stops working when revoked', async () => {
    const issued = json(await issue())
    const revoke = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${ws}/password-resets/${issued.id}`,
      headers: { authorization: owner.bearer },
    })
    expect(revoke.statusCode).toBe(204)
    expect((await complete(tokenOf(issued.link), 'a good new passphrase')).statusCode).toBe(404)
  })
})

describe('password change', () => {
  let server: TestServer
  let alice: TestUser

  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
  })
  afterEach(() => server.close())

  it('throttles guesses of the current password: the 6th within 15 minutes gets 429, even right', async () => {
    const session = await aSession(server.app, alice)
    const change = (currentPassword: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        ...session,
        payload: { currentPassword, newPassword: 'a brand new passphrase' },
      })
    for (let i = 0; i < 5; i++) expect((await change(`guess ${i}`)).statusCode).toBe(401)
    const right = await change(TEST_PASSWORD)
    expect(right.statusCode).toBe(429)
    expect(json(right).error.code).toBe('RATE_LIMITED')
    expect((await server.store.users.get(alice.id))?.passwordHash).toMatch(/^\$argon2id\$/)
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: alice.email, password: TEST_PASSWORD },
    })
    expect(login.statusCode).toBe(429)
  })
})
