import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import type { Tenant } from '../../test/store-builders.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
  T0,
} from '../../test/store-databases.js'
import { aStoredProfile, aTenant } from '../../test/store-builders.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const HOUR = 3_600_000
const IN_A_DAY = '2026-01-02T09:00:00.000Z'

describe.each(STORE_DIALECTS)('invitations on %s', (dialect) => {
  let t: TestStore
  let a: Tenant

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
  })
  afterEach(() => t.dispose())

  function invite(email = 'Bea@Example.com', tokenHash = 'hash-1') {
    return t.store.invitations.create(a.owner, a.workspace.id, {
      email,
      role: 'editor',
      tokenHash,
      expiresAt: IN_A_DAY,
    })
  }

  it('lists a pending invitation, finds it by its token hash, and writes one audit row', async () => {
    const created = await invite()
    const expected = {
      id: created.id,
      workspaceId: a.workspace.id,
      email: 'Bea@Example.com',
      role: 'editor',
      status: 'pending',
      createdAt: T0,
      createdBy: a.owner.userId,
      expiresAt: IN_A_DAY,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    }
    expect(created).toEqual(expected)
    expect(await t.store.invitations.listPending(a.workspace.id)).toEqual([expected])
    expect(await t.store.invitations.findByToken('hash-1')).toEqual({
      invitation: expected,
      workspaceName: 'Ada workspace',
      invitedBy: 'Ada',
    })
    expect(await t.store.invitations.findByToken('hash-2')).toBeNull()
    const [audit] = await t.store.audit.list(a.workspace.id, { limit: 1 })
    expect(audit).toMatchObject({
      action: 'invitation.create',
      target: `invitation:${created.id}`,
      before: null,
      after: { email: 'Bea@Example.com', role: 'editor', expiresAt: IN_A_DAY },
    })
  })

  it('joins the invitee with the role once; a second use is NOT_FOUND', async () => {
    await invite()
    const bea = await t.store.users.create({
      email: 'bea@example.com',
      name: 'Bea',
      passwordHash: 'h',
    })
    t.clock.advance(HOUR)
    const accepted = await t.store.invitations.accept('hash-1', bea)
    expect(accepted).toMatchObject({
      status: 'used',
      acceptedAt: '2026-01-01T10:00:00.000Z',
      acceptedBy: bea.id,
    })
    expect(await t.store.members.role(a.workspace.id, bea.id)).toBe('editor')
    expect(await t.store.invitations.listPending(a.workspace.id)).toEqual([])
    const [audit] = await t.store.audit.list(a.workspace.id, { limit: 1 })
    expect(audit).toMatchObject({
      actorId: bea.id,
      action: 'invitation.accept',
      target: `member:${bea.id}`,
      before: null,
      after: { role: 'editor', invitationId: accepted.id },
    })
    await expect(t.store.invitations.accept('hash-1', bea)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('lets exactly one of concurrent uses of the same link win', async () => {
    await invite()
    const bea = await t.store.users.create({
      email: 'bea@example.com',
      name: 'Bea',
      passwordHash: 'h',
    })
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => t.store.invitations.accept('hash-1', bea)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const audit = await t.store.audit.list(a.workspace.id)
    expect(audit.filter((row) => row.action === 'invitation.accept')).toHaveLength(1)
  })

  it('refuses a link for another email, an expired link and a revoked one', async () => {
    const first = await invite()
    const cy = await t.store.users.create({
      email: 'cy@example.com',
      name: 'Cy',
      passwordHash: 'h',
    })
    await expect(t.store.invitations.accept('hash-1', cy)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'this invitation is for Bea@Example.com; you are signed in as cy@example.com',
    })
    const revoked = await t.store.invitations.revoke(a.owner, a.workspace.id, first.id)
    expect(revoked.status).toBe('revoked')
    expect((await t.store.invitations.findByToken('hash-1'))?.invitation.status).toBe('revoked')
    await expect(
      t.store.invitations.revoke(a.owner, a.workspace.id, first.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await invite('cy@example.com', 'hash-2')
    t.clock.advance(25 * HOUR)
    expect((await t.store.invitations.findByToken('hash-2'))?.invitation.status).toBe('expired')
    expect(await t.store.invitations.listPending(a.workspace.id)).toEqual([])
    await expect(t.store.invitations.accept('hash-2', cy)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await t.store.members.role(a.workspace.id, cy.id)).toBeNull()
  })

  it('refuses to invite a member or an email with a pending invitation', async () => {
    await invite()
    await expect(invite('BEA@example.com', 'hash-2')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'BEA@example.com already has a pending invitation; revoke it to send a new one',
    })
    await expect(invite('ada@example.com', 'hash-3')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'ada@example.com is already a member of this workspace',
    })
  })

  it("does not show or revoke another workspace's invitations", async () => {
    const b = await aTenant(t.store, 'Bob')
    const created = await invite()
    expect(await t.store.invitations.listPending(b.workspace.id)).toEqual([])
    await expect(
      t.store.invitations.revoke(b.owner, b.workspace.id, created.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await t.store.invitations.listPending(a.workspace.id)).toHaveLength(1)
  })
})

describe.each(STORE_DIALECTS)('password reset links on %s', (dialect) => {
  let t: TestStore
  let a: Tenant
  let bea: { id: string; email: string }

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
    bea = await t.store.users.create({ email: 'bea@example.com', name: 'Bea', passwordHash: 'old' })
    await t.store.members.add(a.owner, a.workspace.id, { userId: bea.id, role: 'viewer' })
  })
  afterEach(() => t.dispose())

  function issue(tokenHash = 'reset-1') {
    return t.store.passwordResets.create(a.owner, a.workspace.id, {
      userId: bea.id,
      tokenHash,
      expiresAt: IN_A_DAY,
    })
  }

  it('sets the password once, ends every session of the member, and audits it', async () => {
    const reset = await issue()
    expect(reset).toEqual({
      id: reset.id,
      workspaceId: a.workspace.id,
      userId: bea.id,
      email: 'bea@example.com',
      status: 'pending',
      createdAt: T0,
      createdBy: a.owner.userId,
      expiresAt: IN_A_DAY,
      usedAt: null,
      revokedAt: null,
    })
    await t.store.sessions.create({ id: 's1', userId: bea.id, expiresAt: IN_A_DAY })
    const used = await t.store.passwordResets.use('reset-1', 'new-hash')
    expect(used.status).toBe('used')
    expect((await t.store.users.get(bea.id))?.passwordHash).toBe('new-hash')
    expect(await t.store.sessions.find('s1')).toBeNull()
    await expect(t.store.passwordResets.use('reset-1', 'again')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await t.store.users.get(bea.id))?.passwordHash).toBe('new-hash')
    const actions = (await t.store.audit.list(a.workspace.id, { limit: 2 })).map((r) => r.action)
    expect(actions).toEqual(['password-reset.use', 'password-reset.create'])
  })

  it('revokes the earlier link when a new one is issued, and on request', async () => {
    await issue('reset-1')
    const second = await issue('reset-2')
    expect((await t.store.passwordResets.findByToken('reset-1'))?.status).toBe('revoked')
    expect((await t.store.passwordResets.listPending(a.workspace.id)).map((r) => r.id)).toEqual([
      second.id,
    ])
    await t.store.passwordResets.revoke(a.owner, a.workspace.id, second.id)
    expect(await t.store.passwordResets.listPending(a.workspace.id)).toEqual([])
    await expect(t.store.passwordResets.use('reset-2', 'h')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('refuses an expired link', async () => {
    await issue()
    t.clock.advance(24 * HOUR)
    expect((await t.store.passwordResets.findByToken('reset-1'))?.status).toBe('expired')
    await expect(t.store.passwordResets.use('reset-1', 'h')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('refuses a non-member, and a member who is also in a workspace the issuer does not own', async () => {
    const b = await aTenant(t.store, 'Bob')
    await expect(
      t.store.passwordResets.create(a.owner, a.workspace.id, {
        userId: b.owner.userId,
        tokenHash: 'x',
        expiresAt: IN_A_DAY,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await t.store.members.add(b.owner, b.workspace.id, { userId: bea.id, role: 'editor' })
    await expect(issue()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await t.store.passwordResets.listPending(a.workspace.id)).toEqual([])
  })
})

describe.each(STORE_DIALECTS)('demo workspaces on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  async function aDemo(n: number, maxChanges = 10) {
    return t.store.transaction(async (tx) => {
      await tx.demos.reserve(2)
      const user = await tx.users.create({
        email: `visitor-${n}@demo.tandem.invalid`,
        name: 'Visitor',
        passwordHash: 'x',
      })
      const workspace = await tx.workspaces.create({ userId: user.id }, { name: 'Demo' })
      await tx.demos.register({ workspaceId: workspace.id, userId: user.id, maxChanges })
      return { user, workspace }
    })
  }

  it('refuses a demo beyond the cap with DEMO_FULL, and keeps nothing of it', async () => {
    await aDemo(1)
    await aDemo(2)
    await expect(aDemo(3)).rejects.toMatchObject({
      code: 'DEMO_FULL',
      message: 'all 2 demo workspaces are in use; try again later, or sign in with an account',
    })
    expect(await t.store.demos.count()).toBe(2)
    expect(await t.store.users.findByEmail('visitor-3@demo.tandem.invalid')).toBeNull()
  })

  it('lets no more than the cap through when visitors come at once', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => aDemo(n)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    expect(await t.store.demos.count()).toBe(2)
  })

  it('refuses the change past max_changes with QUOTA_EXCEEDED and keeps nothing of it', async () => {
    const { user, workspace } = await aDemo(1, 3)
    const actor = { userId: user.id }
    await t.store.organizations.create(actor, workspace.id, {
      profile: aStoredProfile({ name: 'One' }),
    })
    await t.store.organizations.create(actor, workspace.id, {
      profile: aStoredProfile({ name: 'Two' }),
    })
    await expect(
      t.store.organizations.create(actor, workspace.id, {
        profile: aStoredProfile({ name: 'Three' }),
      }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' })
    const { items } = await t.store.organizations.list(workspace.id)
    expect(items.map((item) => item.name)).toEqual(['One', 'Two'])
    // An ordinary workspace has no such limit.
    const real = await aTenant(t.store, 'Ada')
    for (const name of ['A', 'B', 'C', 'D']) {
      await t.store.organizations.create(real.owner, real.workspace.id, {
        profile: aStoredProfile({ name }),
      })
    }
    expect((await t.store.organizations.list(real.workspace.id)).items).toHaveLength(4)
  })

  it('prunes a demo idle for the limit with its visitor, and keeps one in use', async () => {
    const idle = await aDemo(1)
    const active = await aDemo(2)
    const expiresAt = '2026-01-09T09:00:00.000Z'
    await t.store.sessions.create({ id: 'idle', userId: idle.user.id, expiresAt })
    await t.store.sessions.create({ id: 'active', userId: active.user.id, expiresAt })
    t.clock.advance(23 * HOUR)
    await t.store.sessions.touch('active')
    expect(await t.store.demos.prune(24 * HOUR)).toBe(0)
    t.clock.advance(2 * HOUR)
    expect(await t.store.demos.prune(24 * HOUR)).toBe(1)
    expect(await t.store.workspaces.get(idle.workspace.id)).toBeNull()
    expect(await t.store.users.get(idle.user.id)).toBeNull()
    expect(await t.store.sessions.find('idle')).toBeNull()
    expect(await t.store.workspaces.get(active.workspace.id)).not.toBeNull()
    expect(await t.store.demos.findForUser(active.user.id)).toMatchObject({
      workspaceId: active.workspace.id,
    })
    expect(await t.store.demos.count()).toBe(1)
  })
})
