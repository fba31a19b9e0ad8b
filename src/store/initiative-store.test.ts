import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
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
import { aStoredProfile, aTenant } from '../../test/store-builders.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)('initiatives on %s', (dialect) => {
  let t: TestStore
  let a: Tenant
  let b: Tenant
  let org: string
  let bOrg: string

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Alice')
    b = await aTenant(t.store, 'Bob')
    org = (
      await t.store.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name: 'Northwind' }),
      })
    ).id
    bOrg = (
      await t.store.organizations.create(b.owner, b.workspace.id, {
        profile: aStoredProfile({ name: 'Bob secret' }),
      })
    ).id
  })
  afterEach(() => t.dispose())

  const ws = () => a.workspace.id

  it('creates an initiative at idea with its first stage move and one audit row', async () => {
    const created = await t.store.initiatives.create(a.owner, ws(), org, {
      title: 'Invoice triage',
      functions: ['finance'],
      owner: { seat: 'CAIO', memberId: null },
    })
    expect(created).toEqual({
      id: 'id-0007',
      workspaceId: ws(),
      organizationId: org,
      title: 'Invoice triage',
      summary: '',
      functions: ['finance'],
      useCase: null,
      compliance: null,
      reviewBy: null,
      visibility: 'client',
      stage: 'idea',
      stageSince: T0,
      owner: { seat: 'CAIO', memberId: null },
      archived: false,
      version: 1,
      createdAt: T0,
      createdBy: a.owner.userId,
      updatedAt: T0,
      history: [
        {
          id: 'id-0008',
          at: T0,
          from: null,
          to: 'idea',
          kind: 'created',
          reason: null,
          by: a.owner.userId,
          seat: null,
          memberId: null,
          skipped: [],
          acknowledgedBy: [],
        },
      ],
      reviews: [],
      measurements: [],
      overrides: [],
      acknowledgements: [],
    })
    const [audit] = await t.store.audit.list(ws(), { limit: 1 })
    expect(audit).toMatchObject({ action: 'initiative.create', target: 'initiative:id-0007' })
  })

  it('records an initiative created at a later stage as imported', async () => {
    const created = await t.store.initiatives.create(a.owner, ws(), org, {
      title: 'Chatbot',
      stage: 'production',
    })
    expect(created.stage).toBe('production')
    expect(created.history.map((m) => [m.from, m.to, m.kind])).toEqual([
      [null, 'production', 'imported'],
    ])
  })

  it('refuses an organization of another workspace and finds nothing across workspaces', async () => {
    await expect(
      t.store.initiatives.create(a.owner, ws(), bOrg, { title: 'Sneaky' }),
    ).rejects.toThrow(new NotFoundError('organization', bOrg))
    const theirs = await t.store.initiatives.create(b.owner, b.workspace.id, bOrg, {
      title: 'Bob secret',
    })
    expect(await t.store.initiatives.get(ws(), theirs.id)).toBeNull()
    expect(await t.store.initiatives.list(ws(), bOrg)).toEqual({ items: [], nextCursor: null })
    expect(await t.store.initiatives.listDetailed(ws(), bOrg)).toEqual([])
    const attempts = [
      () =>
        t.store.initiatives.update(a.owner, ws(), theirs.id, {
          patch: { title: 'x' },
          expectedVersion: 1,
        }),
      () =>
        t.store.initiatives.move(a.owner, ws(), theirs.id, {
          to: 'stopped',
          reason: null,
          by: null,
          expectedVersion: 1,
        }),
      () =>
        t.store.initiatives.addMeasurement(a.owner, ws(), theirs.id, {
          at: '2026-01-01',
          value: 1,
        }),
      () =>
        t.store.initiatives.addReview(a.owner, ws(), theirs.id, {
          lens: 'cto',
          by: { seat: 'CTO', memberId: a.owner.userId },
          review: { build: 'yes' },
        }),
    ]
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toThrow(new NotFoundError('initiative', theirs.id))
    }
    expect(await t.store.initiatives.get(b.workspace.id, theirs.id)).toEqual(theirs)
  })

  it('moves through stages, keeps the history and refuses a stale writer', async () => {
    const created = await t.store.initiatives.create(a.owner, ws(), org, { title: 'Forecast' })
    t.clock.advance(86_400_000)
    const moved = await t.store.initiatives.move(a.owner, ws(), created.id, {
      to: 'pilot',
      reason: 'approved',
      by: { seat: 'CAIO', memberId: a.owner.userId },
      expectedVersion: 1,
    })
    expect(moved.stage).toBe('pilot')
    expect(moved.version).toBe(2)
    expect(moved.stageSince).toBe('2026-01-02T09:00:00.000Z')
    await expect(
      t.store.initiatives.move(a.owner, ws(), created.id, {
        to: 'production',
        reason: null,
        by: null,
        expectedVersion: 1,
      }),
    ).rejects.toThrow(ConflictError)
    const forced = await t.store.initiatives.move(a.owner, ws(), created.id, {
      to: 'production',
      reason: 'board asked',
      by: { seat: 'CAIO', memberId: a.owner.userId },
      skipped: [{ item: 'cto-secure-yes' }],
      expectedVersion: 2,
    })
    expect(forced.history.map((m) => [m.from, m.to, m.kind, m.skipped])).toEqual([
      [null, 'idea', 'created', []],
      ['idea', 'pilot', 'moved', []],
      ['pilot', 'production', 'forced', [{ item: 'cto-secure-yes' }]],
    ])
    expect(forced.overrides).toEqual([
      {
        id: expect.any(String) as string,
        stageMoveId: forced.history[2]!.id,
        from: 'pilot',
        to: 'production',
        items: [{ item: 'cto-secure-yes' }],
        reason: 'board asked',
        seat: 'CAIO',
        memberId: a.owner.userId,
        at: '2026-01-02T09:00:00.000Z',
      },
    ])
    const actions = (await t.store.audit.list(ws(), { limit: 3 })).map((row) => row.action)
    expect(actions).toEqual(['initiative.move', 'initiative.move', 'initiative.create'])
  })

  it('adds reviews, measurements and gate acknowledgements, each bumping the version', async () => {
    const created = await t.store.initiatives.create(a.owner, ws(), org, { title: 'Forecast' })
    const by = { seat: 'CTO', memberId: a.owner.userId }
    await t.store.initiatives.addReview(a.owner, ws(), created.id, {
      lens: 'cto',
      by,
      review: { build: 'yes', scale: 'unsure', secure: 'no', note: 'needs a pen test' },
    })
    await t.store.initiatives.addMeasurement(a.owner, ws(), created.id, {
      at: '2026-01-01',
      value: 31.5,
      note: 'first week',
    })
    const detail = await t.store.initiatives.acknowledgeGate(a.owner, ws(), created.id, {
      to: 'pilot',
      items: ['cto-build-not-no'],
      by,
    })
    expect(detail.version).toBe(4)
    expect(detail.reviews.map((r) => [r.lens, r.seat, r.review])).toEqual([
      ['cto', 'CTO', { build: 'yes', scale: 'unsure', secure: 'no', note: 'needs a pen test' }],
    ])
    expect(detail.measurements.map((m) => [m.at, m.value, m.note, m.visibility])).toEqual([
      ['2026-01-01', 31.5, 'first week', 'client'],
    ])
    expect(detail.acknowledgements.map((g) => [g.to, g.items, g.seat])).toEqual([
      ['pilot', ['cto-build-not-no'], 'CTO'],
    ])
    const forced = await t.store.initiatives.move(a.owner, ws(), created.id, {
      to: 'pilot',
      reason: 'the board asked',
      by: { seat: 'CAIO', memberId: null },
      skipped: [{ item: 'cto-build-not-no' }],
      expectedVersion: 4,
    })
    expect(forced.history[1]).toMatchObject({
      kind: 'forced',
      acknowledgedBy: [{ seat: 'CTO', memberId: a.owner.userId }],
    })
  })

  it('refuses to rewrite history at the database level', async () => {
    const created = await t.store.initiatives.create(a.owner, ws(), org, { title: 'Forecast' })
    await t.store.initiatives.addReview(a.owner, ws(), created.id, {
      lens: 'caio',
      by: { seat: 'CAIO', memberId: a.owner.userId },
      review: { should: 'yes' },
    })
    await t.store.initiatives.addMeasurement(a.owner, ws(), created.id, {
      at: '2026-01-01',
      value: 1,
    })
    await t.store.initiatives.move(a.owner, ws(), created.id, {
      to: 'pilot',
      reason: 'x',
      by: null,
      skipped: [{ item: 'caio-metric' }],
      expectedVersion: 3,
    })
    for (const [table, statement] of [
      ['stage_moves', "update stage_moves set to_stage = 'retired'"],
      ['lens_reviews', "update lens_reviews set review = '{}'"],
      ['measurements', 'update measurements set value = 2'],
      ['gate_overrides', "update gate_overrides set reason = 'y'"],
    ] as const) {
      await expect(sql.raw(statement).execute(t.database.kysely)).rejects.toThrow(
        `${table} rows are immutable`,
      )
    }
  })

  it('edits, archives and pages through the register in creation order', async () => {
    const ids: string[] = []
    for (const title of ['One', 'Two', 'Three']) {
      ids.push((await t.store.initiatives.create(a.owner, ws(), org, { title })).id)
      t.clock.advance(1000)
    }
    const first = await t.store.initiatives.list(ws(), org, { limit: 2 })
    expect(first.items.map((i) => i.title)).toEqual(['One', 'Two'])
    const second = await t.store.initiatives.list(ws(), org, {
      limit: 2,
      after: first.nextCursor!,
    })
    expect(second).toEqual({
      items: [expect.objectContaining({ title: 'Three' })],
      nextCursor: null,
    })
    const edited = await t.store.initiatives.update(a.owner, ws(), ids[1]!, {
      patch: { title: 'Two (archived)', archived: true, owner: { seat: 'CTO', memberId: null } },
      expectedVersion: 1,
    })
    expect([edited.title, edited.archived, edited.owner, edited.version]).toEqual([
      'Two (archived)',
      true,
      { seat: 'CTO', memberId: null },
      2,
    ])
    await expect(
      t.store.initiatives.update(a.owner, ws(), ids[1]!, {
        patch: { title: 'lost' },
        expectedVersion: 1,
      }),
    ).rejects.toThrow(ConflictError)
    expect((await t.store.initiatives.list(ws(), org)).items.map((i) => i.title)).toEqual([
      'One',
      'Three',
    ])
    expect(
      (
        await t.store.initiatives.list(ws(), org, { includeArchived: true, ownerSeat: 'CTO' })
      ).items.map((i) => i.title),
    ).toEqual(['Two (archived)'])
    expect((await t.store.initiatives.listDetailed(ws(), org)).map((i) => i.title)).toEqual([
      'One',
      'Two (archived)',
      'Three',
    ])
  })
})
