import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Organization } from './store.js'
import { ConflictError } from '../errors/conflict-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { TestStore } from '../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
  T0,
} from '../../test/store-databases.js'
import type { Tenant } from '../../test/store-builders.js'
import { anAssessmentResult, aStoredProfile, aTenant } from '../../test/store-builders.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)('organizations on %s', (dialect) => {
  let t: TestStore
  let a: Tenant
  let b: Tenant

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Alice')
    b = await aTenant(t.store, 'Bob')
  })
  afterEach(() => t.dispose())

  it('creates an organization at profile version 1, named after the profile', async () => {
    const profile = aStoredProfile({ name: 'Northwind' })
    const created = await t.store.organizations.create(a.owner, a.workspace.id, { profile })
    expect(created).toEqual({
      id: 'id-0005',
      workspaceId: a.workspace.id,
      name: 'Northwind',
      profileVersion: 1,
      profile,
      createdAt: T0,
      updatedAt: T0,
    })
    expect(await t.store.organizations.get(a.workspace.id, created.id)).toEqual(created)
  })

  it('finds nothing when looked up with another workspace id', async () => {
    const org = await t.store.organizations.create(b.owner, b.workspace.id, {
      profile: aStoredProfile({ name: 'Bob secret' }),
    })
    expect(await t.store.organizations.get(a.workspace.id, org.id)).toBeNull()
    expect(await t.store.organizations.versions(a.workspace.id, org.id)).toEqual({
      items: [],
      nextCursor: null,
    })
    expect(await t.store.organizations.version(a.workspace.id, org.id, 1)).toBeNull()
    expect(await t.store.organizations.list(a.workspace.id, { count: true })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    })
    expect(await t.store.assessments.listForOrganization(a.workspace.id, org.id)).toEqual({
      items: [],
      nextCursor: null,
    })
  })

  it('refuses to update or delete another workspace’s organization and leaves it unchanged', async () => {
    const org = await t.store.organizations.create(b.owner, b.workspace.id, {
      profile: aStoredProfile({ name: 'Bob secret' }),
    })
    const update = t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'Hijacked' }),
      expectedVersion: 1,
    })
    await expect(update).rejects.toThrow(new NotFoundError('organization', org.id))
    await expect(t.store.organizations.delete(a.owner, a.workspace.id, org.id)).rejects.toThrow(
      NotFoundError,
    )
    expect(await t.store.organizations.get(b.workspace.id, org.id)).toEqual(org)
    expect(await t.store.audit.list(a.workspace.id)).toHaveLength(1)
  })

  it('keeps every profile version and bumps the version on each edit', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile({ name: 'V1' }),
    })
    t.clock.advance(60_000)
    const updated = await t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'V2', employees: 300 }),
      expectedVersion: 1,
    })
    expect(updated).toMatchObject({
      name: 'V2',
      profileVersion: 2,
      updatedAt: '2026-01-01T09:01:00.000Z',
    })
    const { items: versions } = await t.store.organizations.versions(a.workspace.id, org.id)
    expect(
      versions.map((v) => [v.version, v.profile.name, v.profile.employees, v.createdAt]),
    ).toEqual([
      [1, 'V1', 120, T0],
      [2, 'V2', 300, '2026-01-01T09:01:00.000Z'],
    ])
  })

  it('rejects a stale expectedVersion with CONFLICT and overwrites nothing', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile({ name: 'V1' }),
    })
    await t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'First writer' }),
      expectedVersion: 1,
    })
    const stale = t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'Second writer' }),
      expectedVersion: 1,
    })
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `organization "${org.id}" is at version 2, not 1; reload and retry`,
    })
    await expect(stale).rejects.toBeInstanceOf(ConflictError)
    expect((await t.store.organizations.get(a.workspace.id, org.id))?.name).toBe('First writer')
    expect((await t.store.organizations.versions(a.workspace.id, org.id)).items).toHaveLength(2)
  })

  it('lets exactly one of two concurrent writers with the same expectedVersion win', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile({ name: 'V1' }),
    })
    const results = await Promise.allSettled(
      ['Left', 'Right'].map((name) =>
        t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
          profile: aStoredProfile({ name }),
          expectedVersion: 1,
        }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await t.store.organizations.versions(a.workspace.id, org.id)).items).toHaveLength(2)
  })

  it('writes one audit row per change with before and after', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile({ name: 'V1' }),
    })
    await t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'V2' }),
      expectedVersion: 1,
    })
    await t.store.organizations.delete(a.owner, a.workspace.id, org.id)
    const rows = await t.store.audit.list(a.workspace.id)
    expect(rows.map((r) => [r.action, r.target, r.actorId, r.at])).toEqual([
      ['organization.delete', `organization:${org.id}`, a.owner.userId, T0],
      ['organization.update', `organization:${org.id}`, a.owner.userId, T0],
      ['organization.create', `organization:${org.id}`, a.owner.userId, T0],
      ['workspace.create', `workspace:${a.workspace.id}`, a.owner.userId, T0],
    ])
    expect(rows[0]).toMatchObject({ before: { name: 'V2', profileVersion: 2 }, after: null })
    expect(rows[1]).toMatchObject({
      before: { profileVersion: 1, profile: { name: 'V1' } },
      after: { profileVersion: 2, profile: { name: 'V2' } },
    })
  })

  it('deletes an organization with its versions and assessments', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile(),
    })
    const assessment = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 1,
      result: anAssessmentResult(),
    })
    await t.store.organizations.delete(a.owner, a.workspace.id, org.id)
    expect(await t.store.organizations.get(a.workspace.id, org.id)).toBeNull()
    expect(await t.store.organizations.versions(a.workspace.id, org.id)).toEqual({
      items: [],
      nextCursor: null,
    })
    expect(await t.store.assessments.get(a.workspace.id, assessment.id)).toBeNull()
  })

  it('lists by name with a case-insensitive search, paging and the latest assessment', async () => {
    for (const name of ['Gamma Labs', 'alpha Bank', 'Beta 100%']) {
      await t.store.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name }),
      })
    }
    const all = await t.store.organizations.list(a.workspace.id, { count: true })
    expect(all.total).toBe(3)
    expect(all.nextCursor).toBeNull()
    expect('total' in (await t.store.organizations.list(a.workspace.id))).toBe(false)
    expect(all.items.map((i) => i.name)).toEqual(['alpha Bank', 'Beta 100%', 'Gamma Labs'])
    const [alpha] = all.items
    await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: alpha!.id,
      profileVersion: 1,
      result: anAssessmentResult({ structure: 'cto-owns-ai', current: null, antiPatterns: [] }),
    })
    t.clock.advance(1000)
    const latest = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: alpha!.id,
      profileVersion: 1,
      result: anAssessmentResult({
        structure: 'separate-full-time',
        current: 'cto-owns-ai',
        antiPatterns: ['cto-can-handle-ai'],
      }),
    })
    const page = await t.store.organizations.list(a.workspace.id, { q: 'A', limit: 1, count: true })
    expect(page).toEqual({
      total: 3,
      nextCursor: expect.any(String) as string,
      items: [
        {
          id: alpha!.id,
          name: 'alpha Bank',
          profileVersion: 1,
          updatedAt: T0,
          latestAssessment: {
            id: latest.id,
            structure: 'separate-full-time',
            antiPatterns: ['cto-can-handle-ai'],
            currentStructure: 'cto-owns-ai',
            createdAt: '2026-01-01T09:00:01.000Z',
          },
        },
      ],
    })
    expect(
      (await t.store.organizations.list(a.workspace.id, { q: '100%' })).items.map((i) => i.name),
    ).toEqual(['Beta 100%'])
    expect((await t.store.organizations.list(a.workspace.id, { q: '_', count: true })).total).toBe(
      0,
    )
    // The next pages follow the cursor, with the same search; the old offset still works.
    const second = await t.store.organizations.list(a.workspace.id, {
      q: 'A',
      limit: 1,
      after: page.nextCursor!,
    })
    expect(second.items.map((i) => i.name)).toEqual(['Beta 100%'])
    const third = await t.store.organizations.list(a.workspace.id, {
      q: 'A',
      limit: 1,
      after: second.nextCursor!,
    })
    expect(third).toMatchObject({ items: [{ name: 'Gamma Labs' }], nextCursor: null })
    expect(
      (await t.store.organizations.list(a.workspace.id, { limit: 1, offset: 2 })).items[0]?.name,
    ).toBe('Gamma Labs')
    await expect(
      t.store.organizations.list(a.workspace.id, { after: 'not-a-cursor' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ field: 'after', message: 'expected the nextCursor of a previous page' }],
    })
  })

  it('summarizes the portfolio from each organization’s latest assessment', async () => {
    const names = ['One', 'Two', 'Three']
    const orgs: Organization[] = []
    for (const name of names) {
      orgs.push(
        await t.store.organizations.create(a.owner, a.workspace.id, {
          profile: aStoredProfile({ name }),
        }),
      )
    }
    const assess = (
      index: number,
      structure: 'cto-owns-ai' | 'separate-full-time',
      current: 'cto-owns-ai' | null,
      antiPatterns: ('cto-can-handle-ai' | 'roles-later')[],
    ) =>
      t.store.assessments.create(a.owner, a.workspace.id, {
        organizationId: orgs[index]!.id,
        profileVersion: 1,
        result: anAssessmentResult({ structure, current, antiPatterns }),
      })
    await assess(0, 'cto-owns-ai', 'cto-owns-ai', ['roles-later'])
    t.clock.advance(1000)
    await assess(0, 'separate-full-time', 'cto-owns-ai', ['cto-can-handle-ai', 'roles-later'])
    await assess(1, 'separate-full-time', null, ['roles-later'])
    await t.store.organizations.create(b.owner, b.workspace.id, { profile: aStoredProfile() })
    expect(await t.store.organizations.portfolio(a.workspace.id)).toEqual({
      assessed: 2,
      byStructure: { 'separate-full-time': 2 },
      antiPatterns: [
        { id: 'roles-later', count: 2 },
        { id: 'cto-can-handle-ai', count: 1 },
      ],
      mismatches: [
        {
          organizationId: orgs[0]!.id,
          name: 'One',
          current: 'cto-owns-ai',
          recommended: 'separate-full-time',
        },
      ],
      mismatchTotal: 1,
      nextCursor: null,
    })
    expect(await t.store.organizations.portfolio(b.workspace.id)).toEqual({
      assessed: 0,
      byStructure: {},
      antiPatterns: [],
      mismatches: [],
      mismatchTotal: 0,
      nextCursor: null,
    })
  })
})
