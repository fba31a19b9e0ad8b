import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
  T0,
} from '../../test/store-databases.js'
import { aTenant } from '../../test/store-builders.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const FIFTEEN_MINUTES = 15 * 60_000

describe.each(STORE_DIALECTS)('accounts, sessions and tokens on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  it('finds a user by email regardless of case and surrounding spaces', async () => {
    const user = await t.store.users.create({
      email: 'Ada@Example.com',
      name: 'Ada',
      passwordHash: 'h1',
    })
    expect(await t.store.users.findByEmail('  ada@example.COM ')).toEqual({
      id: 'id-0001',
      email: 'Ada@Example.com',
      name: 'Ada',
      passwordHash: 'h1',
      createdAt: T0,
      updatedAt: T0,
    })
    expect(await t.store.users.get(user.id)).toEqual(user)
  })

  it('counts accounts, so the server knows when the first owner is still to be created', async () => {
    expect(await t.store.users.count()).toBe(0)
    await t.store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    expect(await t.store.users.count()).toBe(1)
  })

  it('refuses a second account with the same email as CONFLICT', async () => {
    await t.store.users.create({ email: 'ada@example.com', name: 'Ada', passwordHash: 'h1' })
    await expect(
      t.store.users.create({ email: 'ADA@example.com', name: 'Other', passwordHash: 'h2' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'a user with email "ADA@example.com" already exists',
    })
  })

  it('finds a session with its user until its absolute expiry', async () => {
    const user = await t.store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    await t.store.sessions.create({
      id: 'sess-hash',
      userId: user.id,
      expiresAt: '2026-01-01T10:00:00.000Z',
    })
    t.clock.advance(30 * 60_000)
    await t.store.sessions.touch('sess-hash')
    expect(await t.store.sessions.find('sess-hash')).toEqual({
      session: {
        id: 'sess-hash',
        userId: user.id,
        createdAt: T0,
        lastSeenAt: '2026-01-01T09:30:00.000Z',
        expiresAt: '2026-01-01T10:00:00.000Z',
      },
      user,
    })
    t.clock.advance(30 * 60_000)
    expect(await t.store.sessions.find('sess-hash')).toBeNull()
    expect(await t.store.sessions.deleteExpired()).toBe(1)
  })

  it('ends every other session of a user on password change', async () => {
    const user = await t.store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    for (const id of ['s1', 's2', 's3']) {
      await t.store.sessions.create({ id, userId: user.id, expiresAt: '2026-02-01T00:00:00.000Z' })
    }
    await t.store.users.setPasswordHash(user.id, 'new-hash')
    expect(await t.store.sessions.deleteForUser(user.id, 's2')).toBe(2)
    expect(await t.store.sessions.find('s1')).toBeNull()
    expect((await t.store.sessions.find('s2'))?.user.passwordHash).toBe('new-hash')
    await t.store.sessions.delete('s2')
    expect(await t.store.sessions.find('s2')).toBeNull()
  })

  it('stores API tokens by hash, lists them per user and revokes only the owner’s', async () => {
    const ada = await t.store.users.create({ email: 'ada@b.c', name: 'Ada', passwordHash: 'h' })
    const bob = await t.store.users.create({ email: 'bob@b.c', name: 'Bob', passwordHash: 'h' })
    const token = await t.store.apiTokens.create({ userId: ada.id, name: 'ci', tokenHash: 'th-1' })
    t.clock.advance(1000)
    await t.store.apiTokens.touch(token.id)
    expect(await t.store.apiTokens.findByHash('th-1')).toEqual({
      token: { ...token, lastUsedAt: '2026-01-01T09:00:01.000Z' },
      user: ada,
    })
    expect(await t.store.apiTokens.list(bob.id)).toEqual([])
    await expect(t.store.apiTokens.delete(bob.id, token.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `API token "${token.id}" does not exist`,
    })
    await t.store.apiTokens.delete(ada.id, token.id)
    expect(await t.store.apiTokens.findByHash('th-1')).toBeNull()
  })

  it('creates a token with full rights unless a scope or a workspace is given', async () => {
    const ada = await t.store.users.create({ email: 'ada@b.c', name: 'Ada', passwordHash: 'h' })
    const token = await t.store.apiTokens.create({ userId: ada.id, name: 'ci', tokenHash: 'th-1' })
    expect(token).toEqual({
      id: 'id-0002',
      userId: ada.id,
      name: 'ci',
      tokenHash: 'th-1',
      scope: 'write',
      workspaceId: null,
      createdAt: T0,
      lastUsedAt: null,
    })
  })

  it('keeps a token’s scope and workspace, and returns them when the token is used', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const token = await t.store.apiTokens.create({
      userId: owner.userId,
      name: 'dashboard',
      tokenHash: 'th-read',
      scope: 'read',
      workspaceId: workspace.id,
    })
    expect(token).toMatchObject({ scope: 'read', workspaceId: workspace.id })
    expect(await t.store.apiTokens.list(owner.userId)).toEqual([token])
    expect((await t.store.apiTokens.findByHash('th-read'))?.token).toEqual(token)
  })

  it('refuses a token restricted to a workspace that does not exist', async () => {
    const ada = await t.store.users.create({ email: 'ada@b.c', name: 'Ada', passwordHash: 'h' })
    await expect(
      t.store.apiTokens.create({
        userId: ada.id,
        name: 'ci',
        tokenHash: 'th-1',
        workspaceId: 'no-such-workspace',
      }),
    ).rejects.toThrow(/foreign key/i)
    expect(await t.store.apiTokens.list(ada.id)).toEqual([])
  })

  it('refuses a scope other than read or write in the database itself', async () => {
    const ada = await t.store.users.create({ email: 'ada@b.c', name: 'Ada', passwordHash: 'h' })
    const insert = t.database.kysely
      .insertInto('api_tokens')
      .values({
        id: 'tok-admin',
        user_id: ada.id,
        name: 'admin',
        token_hash: 'th-admin',
        scope: 'admin',
        workspace_id: null,
        created_at: T0,
        last_used_at: null,
      })
      .execute()
    await expect(insert).rejects.toThrow(/check/i)
  })
})

describe.each(STORE_DIALECTS)('workspaces and members on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  it('makes the creator the owner and lists workspaces with the caller’s role', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const bob = await t.store.users.create({ email: 'bob@b.c', name: 'Bob', passwordHash: 'h' })
    await t.store.members.add(owner, workspace.id, { userId: bob.id, role: 'viewer' })
    expect(await t.store.workspaces.listForUser(owner.userId)).toEqual([
      { ...workspace, role: 'owner' },
    ])
    expect(await t.store.workspaces.listForUser(bob.id)).toEqual([{ ...workspace, role: 'viewer' }])
    expect(await t.store.members.role(workspace.id, bob.id)).toBe('viewer')
    expect(await t.store.members.list(workspace.id)).toEqual([
      {
        workspaceId: workspace.id,
        userId: owner.userId,
        email: 'ada@example.com',
        name: 'Ada',
        role: 'owner',
        createdAt: T0,
      },
      {
        workspaceId: workspace.id,
        userId: bob.id,
        email: 'bob@b.c',
        name: 'Bob',
        role: 'viewer',
        createdAt: T0,
      },
    ])
  })

  it('takes a role change and a removal into account on the next lookup', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const bob = await t.store.users.create({ email: 'bob@b.c', name: 'Bob', passwordHash: 'h' })
    await t.store.members.add(owner, workspace.id, { userId: bob.id, role: 'editor' })
    await t.store.members.setRole(owner, workspace.id, bob.id, 'viewer')
    expect(await t.store.members.role(workspace.id, bob.id)).toBe('viewer')
    await t.store.members.remove(owner, workspace.id, bob.id)
    expect(await t.store.members.role(workspace.id, bob.id)).toBeNull()
    const audit = await t.store.audit.list(workspace.id)
    expect(audit.map((row) => [row.action, row.target, row.before, row.after])).toEqual([
      ['member.remove', `member:${bob.id}`, { role: 'viewer' }, null],
      ['member.role', `member:${bob.id}`, { role: 'editor' }, { role: 'viewer' }],
      ['member.add', `member:${bob.id}`, null, { role: 'editor' }],
      ['workspace.create', `workspace:${workspace.id}`, null, { name: 'Ada workspace' }],
    ])
  })

  it('refuses to remove or downgrade the last owner', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const message = `workspace "${workspace.id}" must keep at least one owner`
    await expect(t.store.members.remove(owner, workspace.id, owner.userId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message,
    })
    await expect(
      t.store.members.setRole(owner, workspace.id, owner.userId, 'editor'),
    ).rejects.toMatchObject({ code: 'CONFLICT', message })
    expect(await t.store.members.role(workspace.id, owner.userId)).toBe('owner')
  })

  it('keeps an owner when two owners demote each other at the same time', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const bob = await t.store.users.create({ email: 'bob@b.c', name: 'Bob', passwordHash: 'h' })
    await t.store.members.add(owner, workspace.id, { userId: bob.id, role: 'owner' })
    const results = await Promise.allSettled([
      t.store.members.setRole(owner, workspace.id, bob.id, 'editor'),
      t.store.members.setRole({ userId: bob.id }, workspace.id, owner.userId, 'editor'),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    const roles = (await t.store.members.list(workspace.id)).map((member) => member.role)
    expect(roles.sort()).toEqual(['editor', 'owner'])
  })

  it('refuses a duplicate membership and an unknown user', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    await expect(
      t.store.members.add(owner, workspace.id, { userId: owner.userId, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(
      t.store.members.add(owner, workspace.id, { userId: 'nobody', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'user "nobody" does not exist' })
  })

  it('does not reach members of another workspace', async () => {
    const a = await aTenant(t.store, 'Ada')
    const b = await aTenant(t.store, 'Bob')
    await expect(
      t.store.members.setRole(a.owner, a.workspace.id, b.owner.userId, 'viewer'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      t.store.members.remove(a.owner, a.workspace.id, b.owner.userId),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await t.store.members.role(b.workspace.id, b.owner.userId)).toBe('owner')
  })

  it('renames with optimistic concurrency', async () => {
    const { owner, workspace } = await aTenant(t.store, 'Ada')
    const renamed = await t.store.workspaces.rename(owner, workspace.id, {
      name: 'New',
      expectedVersion: 1,
    })
    expect(renamed).toMatchObject({ name: 'New', version: 2 })
    await expect(
      t.store.workspaces.rename(owner, workspace.id, { name: 'Stale', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `workspace "${workspace.id}" is at version 2, not 1; reload and retry`,
    })
    expect((await t.store.workspaces.get(workspace.id))?.name).toBe('New')
  })
})

describe.each(STORE_DIALECTS)('login throttle, rate limits and security log on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  it('counts failures per key inside the window only', async () => {
    const keys = ['account:ada@b.c', 'ip:10.0.0.1']
    const counts: (readonly number[])[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      counts.push(await t.store.loginThrottle.recordFailure(keys, FIFTEEN_MINUTES))
      t.clock.advance(60_000)
    }
    expect(counts).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ])
    expect(await t.store.loginThrottle.recordFailure(['ip:10.0.0.2'], FIFTEEN_MINUTES)).toEqual([1])
    t.clock.advance(FIFTEEN_MINUTES - 6 * 60_000)
    expect(await t.store.loginThrottle.failures('account:ada@b.c', FIFTEEN_MINUTES)).toBe(5)
    await t.store.loginThrottle.reset('account:ada@b.c')
    expect(await t.store.loginThrottle.failures('account:ada@b.c', FIFTEEN_MINUTES)).toBe(0)
    expect(await t.store.loginThrottle.failures('ip:10.0.0.1', FIFTEEN_MINUTES)).toBe(5)
  })

  it('counts concurrent failures without losing any', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        t.store.loginThrottle.recordFailure(['account:x'], FIFTEEN_MINUTES),
      ),
    )
    expect(await t.store.loginThrottle.failures('account:x', FIFTEEN_MINUTES)).toBe(10)
  })

  it('counts rate-limit hits per fixed window and starts over in the next one', async () => {
    const hits = []
    for (let i = 0; i < 3; i++) hits.push(await t.store.rateLimits.hit('ip:1', 60_000))
    expect(hits).toEqual([1, 2, 3].map((count) => ({ count, resetAt: '2026-01-01T09:01:00.000Z' })))
    t.clock.advance(60_000)
    expect(await t.store.rateLimits.hit('ip:1', 60_000)).toEqual({
      count: 1,
      resetAt: '2026-01-01T09:02:00.000Z',
    })
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () => t.store.rateLimits.hit('ip:2', 60_000)),
    )
    expect(concurrent.map((hit) => hit.count).sort((x, y) => x - y)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ])
  })

  it('prunes expired sessions, old failed logins and ended rate-limit windows only', async () => {
    const user = await t.store.users.create({ email: 'a@b.c', name: 'A', passwordHash: 'h' })
    await t.store.sessions.create({
      id: 'old',
      userId: user.id,
      expiresAt: '2026-01-01T10:00:00.000Z',
    })
    await t.store.sessions.create({
      id: 'live',
      userId: user.id,
      expiresAt: '2026-01-02T10:00:00.000Z',
    })
    await t.store.loginThrottle.recordFailure(['account:old'], FIFTEEN_MINUTES)
    await t.store.rateLimits.hit('ip:old', 60_000)
    t.clock.advance(2 * 60 * 60_000)
    await t.store.loginThrottle.recordFailure(['account:new'], FIFTEEN_MINUTES)
    await t.store.rateLimits.hit('ip:new', 60_000)
    expect(
      await t.store.prune({ loginFailuresMs: 60 * 60_000, rateLimitsMs: 60 * 60_000 }),
    ).toEqual({
      sessions: 1,
      loginFailures: 1,
      rateLimits: 1,
    })
    expect(await t.store.sessions.find('live')).not.toBeNull()
    expect(await t.store.loginThrottle.failures('account:new', FIFTEEN_MINUTES)).toBe(1)
    expect(await t.store.rateLimits.hit('ip:new', 60_000)).toMatchObject({ count: 2 })
  })

  it('appends security events and lists them newest first, by kind', async () => {
    await t.store.securityLog.append({
      kind: 'login.failed',
      userId: null,
      email: 'ada@b.c',
      ip: '10.0.0.1',
      workspaceId: null,
      detail: { reason: 'bad password' },
    })
    t.clock.advance(1000)
    await t.store.securityLog.append({
      kind: 'access.denied',
      userId: 'u1',
      email: null,
      ip: '10.0.0.1',
      workspaceId: 'w1',
      detail: null,
    })
    expect((await t.store.securityLog.list()).map((event) => event.kind)).toEqual([
      'access.denied',
      'login.failed',
    ])
    expect(await t.store.securityLog.list({ kind: 'login.failed' })).toEqual([
      {
        id: 'id-0001',
        at: T0,
        kind: 'login.failed',
        userId: null,
        email: 'ada@b.c',
        ip: '10.0.0.1',
        workspaceId: null,
        detail: { reason: 'bad password' },
      },
    ])
  })
})
