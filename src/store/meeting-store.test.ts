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
} from '../../test/store-databases.js'
import type { Tenant } from '../../test/store-builders.js'
import { aStoredProfile, aTenant } from '../../test/store-builders.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)(
  'meetings, decisions, seats, acknowledgements, feeds on %s',
  (dialect) => {
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

    it('records a meeting with decisions, edits it and refuses a stale writer', async () => {
      const initiative = await t.store.initiatives.create(a.owner, ws(), org, { title: 'Forecast' })
      const meeting = await t.store.meetings.create(a.owner, ws(), org, {
        date: '2026-01-05',
        status: 'held',
        attendees: [
          { seat: 'CTO', memberId: null },
          { seat: 'CAIO', memberId: null },
        ],
        decisions: [
          {
            text: 'Pilot the forecast',
            owner: { seat: 'CAIO', memberId: null },
            due: '2026-02-01',
            initiatives: [initiative.id],
          },
        ],
      })
      expect(meeting).toMatchObject({
        date: '2026-01-05',
        status: 'held',
        kind: 'alignment',
        notes: '',
        version: 1,
        decisions: [
          {
            meetingId: meeting.id,
            organizationId: org,
            text: 'Pilot the forecast',
            owner: { seat: 'CAIO', memberId: null },
            due: '2026-02-01',
            status: 'open',
            initiatives: [initiative.id],
            stageMove: null,
            version: 1,
          },
        ],
      })
      const edited = await t.store.meetings.update(a.owner, ws(), meeting.id, {
        patch: { notes: 'Good talk', decisions: [{ text: 'Measure weekly' }] },
        expectedVersion: 1,
      })
      expect(edited.notes).toBe('Good talk')
      expect(edited.decisions.map((d) => d.text)).toEqual(['Pilot the forecast', 'Measure weekly'])
      await expect(
        t.store.meetings.update(a.owner, ws(), meeting.id, {
          patch: { notes: 'lost' },
          expectedVersion: 1,
        }),
      ).rejects.toThrow(ConflictError)

      const [decision] = edited.decisions
      const done = await t.store.decisions.update(a.owner, ws(), decision!.id, {
        patch: { status: 'done' },
        expectedVersion: 1,
      })
      expect([done.status, done.version]).toEqual(['done', 2])
      await expect(
        t.store.decisions.update(a.owner, ws(), decision!.id, {
          patch: { status: 'dropped' },
          expectedVersion: 1,
        }),
      ).rejects.toThrow(ConflictError)
      expect((await t.store.meetings.listAll(ws(), org))[0]!.decisions[0]!.status).toBe('done')
      const actions = (await t.store.audit.list(ws(), { limit: 3 })).map((row) => row.action)
      expect(actions).toEqual(['decision.update', 'meeting.update', 'meeting.create'])
    })

    it("refuses another workspace's organization, meeting, decision and initiative", async () => {
      const theirInitiative = await t.store.initiatives.create(b.owner, b.workspace.id, bOrg, {
        title: 'Bob secret',
      })
      const theirs = await t.store.meetings.create(b.owner, b.workspace.id, bOrg, {
        date: '2026-01-05',
        status: 'held',
        decisions: [{ text: 'Bob secret decision' }],
      })
      await expect(
        t.store.meetings.create(a.owner, ws(), bOrg, { date: '2026-01-05', status: 'held' }),
      ).rejects.toThrow(new NotFoundError('organization', bOrg))
      await expect(
        t.store.meetings.create(a.owner, ws(), org, {
          date: '2026-01-05',
          status: 'held',
          decisions: [{ text: 'x', initiatives: [theirInitiative.id] }],
        }),
      ).rejects.toThrow(new NotFoundError('initiative', theirInitiative.id))
      expect(await t.store.meetings.get(ws(), theirs.id)).toBeNull()
      expect(await t.store.decisions.get(ws(), theirs.decisions[0]!.id)).toBeNull()
      await expect(
        t.store.decisions.update(a.owner, ws(), theirs.decisions[0]!.id, {
          patch: { status: 'done' },
          expectedVersion: 1,
        }),
      ).rejects.toThrow(NotFoundError)
      expect(await t.store.meetings.list(ws(), bOrg)).toEqual({ items: [], nextCursor: null })
      expect(await t.store.meetings.get(b.workspace.id, theirs.id)).toEqual(theirs)
    })

    it('lists meetings newest first, a page at a time', async () => {
      for (const date of ['2026-01-05', '2026-01-12', '2026-01-19']) {
        await t.store.meetings.create(a.owner, ws(), org, { date, status: 'held' })
      }
      const first = await t.store.meetings.list(ws(), org, { limit: 2 })
      expect(first.items.map((m) => m.date)).toEqual(['2026-01-19', '2026-01-12'])
      const second = await t.store.meetings.list(ws(), org, { limit: 2, after: first.nextCursor! })
      expect(second.items.map((m) => m.date)).toEqual(['2026-01-05'])
      expect(second.nextCursor).toBeNull()
    })

    it('replaces seat assignments as a versioned set and finds a member’s seats', async () => {
      expect(await t.store.seats.get(ws(), org)).toEqual({
        organizationId: org,
        version: 0,
        assignments: [],
      })
      const assignments = [
        {
          seat: 'CTO',
          memberId: a.owner.userId,
          role: 'holder' as const,
          from: '2026-01-01',
          to: null,
        },
      ]
      const saved = await t.store.seats.replace(a.owner, ws(), org, { assignments })
      expect(saved).toEqual({ organizationId: org, version: 1, assignments })
      await expect(
        t.store.seats.replace(a.owner, ws(), org, { assignments: [], expectedVersion: 0 }),
      ).rejects.toThrow(ConflictError)
      expect(await t.store.seats.forMember(a.owner.userId)).toEqual([
        { workspaceId: ws(), organizationId: org, ...assignments[0] },
      ])
      await expect(t.store.seats.replace(a.owner, ws(), bOrg, { assignments })).rejects.toThrow(
        NotFoundError,
      )
      expect(await t.store.seats.get(ws(), bOrg)).toMatchObject({ assignments: [] })
    })

    it('keeps signal acknowledgements per organization', async () => {
      const ack = await t.store.signalAcknowledgements.add(a.owner, ws(), org, {
        key: 'roi-theoretical:organization',
        reason: 'measuring from March',
        until: '2026-03-01',
      })
      expect(await t.store.signalAcknowledgements.list(ws(), org)).toEqual([ack])
      expect(await t.store.signalAcknowledgements.list(b.workspace.id, org)).toEqual([])
      await expect(
        t.store.signalAcknowledgements.add(a.owner, ws(), bOrg, {
          key: 'k',
          reason: 'r',
          until: null,
        }),
      ).rejects.toThrow(NotFoundError)
    })

    it('finds a calendar feed by its secret hash until it is revoked', async () => {
      const feed = await t.store.calendarFeeds.create(a.owner, ws(), org, {
        secretHash: 'hash-1',
        audience: 'client',
      })
      expect(await t.store.calendarFeeds.findByHash('hash-1')).toEqual({
        workspaceId: ws(),
        organizationId: org,
        audience: 'client',
      })
      await expect(
        t.store.calendarFeeds.revoke(b.owner, b.workspace.id, bOrg, feed.id),
      ).rejects.toThrow(NotFoundError)
      await t.store.calendarFeeds.revoke(a.owner, ws(), org, feed.id)
      expect(await t.store.calendarFeeds.findByHash('hash-1')).toBeNull()
      expect((await t.store.calendarFeeds.list(ws(), org))[0]!.revokedAt).not.toBeNull()

      const mine = await t.store.calendarFeeds.createForMember(a.owner.userId, {
        secretHash: 'hash-2',
      })
      expect(await t.store.calendarFeeds.findMemberFeedByHash('hash-2')).toEqual({
        userId: a.owner.userId,
      })
      await expect(t.store.calendarFeeds.revokeForMember(b.owner.userId, mine.id)).rejects.toThrow(
        NotFoundError,
      )
      await t.store.calendarFeeds.revokeForMember(a.owner.userId, mine.id)
      expect(await t.store.calendarFeeds.findMemberFeedByHash('hash-2')).toBeNull()
    })
  },
)
