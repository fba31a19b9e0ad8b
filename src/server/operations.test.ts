/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON checked by exact values */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { profileSchema } from '../engine/profile-schema.js'
import type { Database } from '../store/index.js'
import { createStore, openDatabase } from '../store/index.js'
import { aProfile, aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'

// The register and the meeting through the API (operate.md §1, §2, §5): gates and forcing, acting for
// a seat, stale writers, audit rows, signals as of a day, the agenda, calendar feeds.

const NOW = new Date('2026-06-01T09:00:00.000Z')

describe('operate API', () => {
  let server: TestServer
  let owner: TestUser
  let editor: TestUser
  let viewer: TestUser
  let ws: string
  let org: string
  let database: Database

  beforeAll(async () => {
    // The store and the routes share one clock, so moves and "today" agree.
    database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    server = await aServer(
      {},
      { now: () => NOW, store: createStore({ db: database, clock: () => NOW }) },
    )
    owner = await aUser(server.store, 'owner@example.com')
    editor = await aUser(server.store, 'editor@example.com')
    viewer = await aUser(server.store, 'viewer@example.com')
    ws = await aWorkspace(server.store, owner, 'Consultancy', [
      { user: editor, role: 'editor' },
      { user: viewer, role: 'viewer' },
    ])
    const profile = profileSchema.parse(
      aProfile({
        name: 'Northwind',
        current: {
          seats: [
            { title: 'CTO', engagement: 'full-time' },
            { title: 'CAIO', engagement: 'fractional' },
          ],
        },
      }),
    )
    org = (await server.store.organizations.create({ userId: owner.id }, ws, { profile })).id
  })
  afterAll(async () => {
    await server.close()
    await database.close()
  })

  const W = () => `/api/v1/workspaces/${ws}`
  function send(
    user: TestUser,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) {
    return server.app.inject({
      method,
      url,
      headers: { authorization: user.bearer },
      ...(payload === undefined ? {} : { payload: payload as string }),
    })
  }
  async function anInitiative(title: string): Promise<string> {
    const response = await send(owner, 'POST', `${W()}/organizations/${org}/initiatives`, {
      title,
      owner: { seat: 'CAIO' },
    })
    expect(response.statusCode, response.body).toBe(201)
    return json(response).id
  }

  it('refuses a move that misses its gate with 422 GATE_NOT_MET naming each item, then lets it through', async () => {
    const id = await anInitiative('Invoice triage')
    const refused = await send(owner, 'POST', `${W()}/initiatives/${id}/stage`, { to: 'pilot' })
    expect(refused.statusCode).toBe(422)
    expect(json(refused).error.code).toBe('GATE_NOT_MET')
    expect(json(refused).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'gate.caio-should-yes',
      'gate.caio-metric',
    ])
    const auditBefore = (await server.store.audit.list(ws, { limit: 500 })).length
    expect(
      (
        await send(owner, 'POST', `${W()}/initiatives/${id}/reviews`, {
          lens: 'caio',
          should: 'yes',
          measure: { metric: 'hours per week', unit: 'h', baseline: 40, target: 25 },
        })
      ).statusCode,
    ).toBe(201)
    const moved = await send(owner, 'POST', `${W()}/initiatives/${id}/stage`, {
      to: 'pilot',
      reason: 'agreed',
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(json(moved).stage).toBe('pilot')
    expect(json(moved).history.map((m: { to: string; kind: string }) => [m.to, m.kind])).toEqual([
      ['idea', 'created'],
      ['pilot', 'moved'],
    ])
    const audit = await server.store.audit.list(ws, { limit: 500 })
    expect(audit.length - auditBefore).toBe(2)
    expect(audit.slice(0, 2).map((row) => row.action)).toEqual([
      'initiative.move',
      'initiative.review',
    ])
  })

  it('lets only the owner seat force, with a reason and the other seat’s acknowledgement', async () => {
    const id = await anInitiative('Chatbot')
    await send(owner, 'PUT', `${W()}/organizations/${org}/seats`, {
      assignments: [
        { seat: 'CAIO', memberId: editor.id, role: 'holder', from: '2026-01-01' },
        { seat: 'CTO', memberId: viewer.id, role: 'holder', from: '2026-01-01' },
      ],
    })
    try {
      // The owner has no seat now that seats are assigned: acting for one is refused.
      const noSeat = await send(owner, 'POST', `${W()}/initiatives/${id}/reviews`, {
        lens: 'cto',
        build: 'no',
        scale: 'yes',
        secure: 'yes',
      })
      expect([noSeat.statusCode, json(noSeat).error.code]).toEqual([403, 'FORBIDDEN'])
      // A viewer holding the CTO seat reviews the CTO lens, not the CAIO lens.
      const cto = await send(viewer, 'POST', `${W()}/initiatives/${id}/reviews`, {
        lens: 'cto',
        build: 'no',
        scale: 'yes',
        secure: 'yes',
      })
      expect(cto.statusCode, cto.body).toBe(201)
      expect(json(cto).reviews[0]).toMatchObject({ seat: 'CTO', memberId: viewer.id })
      const wrongLens = await send(viewer, 'POST', `${W()}/initiatives/${id}/reviews`, {
        lens: 'caio',
        should: 'yes',
      })
      expect(wrongLens.statusCode).toBe(403)
      await send(editor, 'POST', `${W()}/initiatives/${id}/reviews`, {
        lens: 'caio',
        should: 'yes',
        measure: { metric: 'tickets closed' },
      })

      const notOwner = await send(viewer, 'POST', `${W()}/initiatives/${id}/stage`, {
        to: 'pilot',
        force: true,
        reason: 'try',
      })
      expect(json(notOwner).error.code).toBe('FORCE_NOT_ALLOWED')
      const unacknowledged = await send(editor, 'POST', `${W()}/initiatives/${id}/stage`, {
        to: 'pilot',
        force: true,
        reason: 'the board wants it',
      })
      expect([unacknowledged.statusCode, json(unacknowledged).error.code]).toEqual([
        422,
        'ACKNOWLEDGEMENT_REQUIRED',
      ])
      expect(json(unacknowledged).error.issues[0].path).toBe('gate.cto-build-not-no')
      const ack = await send(viewer, 'POST', `${W()}/initiatives/${id}/gate-acknowledgements`, {
        to: 'pilot',
        items: ['cto-build-not-no'],
      })
      expect(ack.statusCode, ack.body).toBe(201)
      const forced = await send(editor, 'POST', `${W()}/initiatives/${id}/stage`, {
        to: 'pilot',
        force: true,
        reason: 'the board wants it',
      })
      expect(forced.statusCode, forced.body).toBe(200)
      expect(json(forced).history[1]).toMatchObject({
        kind: 'forced',
        seat: 'CAIO',
        memberId: editor.id,
        skipped: [{ item: 'cto-build-not-no' }],
        acknowledgedBy: [{ seat: 'CTO', memberId: viewer.id }],
      })
      expect(json(forced).overrides).toHaveLength(1)
      const viewerItems = json(await send(viewer, 'GET', '/api/v1/me/items'))
      expect(
        viewerItems.items
          .filter((item: { initiative?: string }) => item.initiative === id)
          .map((item: { kind: string; seat: string }) => [item.kind, item.seat]),
      ).toEqual([['gate', 'CTO']])
      const editorItems = json(await send(editor, 'GET', '/api/v1/me/items'))
      expect(
        editorItems.items.filter(
          (item: { kind: string; lens?: string }) => item.kind === 'review' && item.lens === 'cto',
        ),
      ).toEqual([])
      const signals = json(await send(owner, 'GET', `${W()}/organizations/${org}/signals`))
      expect(
        signals.signals
          .filter((s: { subject: { id: string } }) => s.subject.id === id)
          .map((s: { id: string }) => s.id),
      ).toContain('gate-overridden')
    } finally {
      await send(owner, 'PUT', `${W()}/organizations/${org}/seats`, { assignments: [] })
    }
  })

  it('answers 409 to a stale writer of an initiative, a move, a meeting and a decision', async () => {
    const id = await anInitiative('Stale')
    const url = `${W()}/initiatives/${id}`
    expect((await send(owner, 'PATCH', url, { title: 'A', expectedVersion: 1 })).statusCode).toBe(
      200,
    )
    const stale = await send(editor, 'PATCH', url, { title: 'B', expectedVersion: 1 })
    expect([stale.statusCode, json(stale).error.code]).toEqual([409, 'CONFLICT'])
    const staleMove = await send(owner, 'POST', `${url}/stage`, {
      to: 'stopped',
      expectedVersion: 1,
    })
    expect(staleMove.statusCode).toBe(409)
    expect(json(await send(owner, 'GET', url)).title).toBe('A')

    const meeting = json(
      await send(owner, 'POST', `${W()}/organizations/${org}/meetings`, {
        date: '2026-05-25',
        decisions: [{ text: 'Ship it', due: '2026-06-15' }],
      }),
    )
    expect(meeting.status).toBe('held')
    const M = `${W()}/meetings/${meeting.id}`
    expect((await send(owner, 'PATCH', M, { notes: 'x', expectedVersion: 1 })).statusCode).toBe(200)
    expect((await send(owner, 'PATCH', M, { notes: 'y', expectedVersion: 1 })).statusCode).toBe(409)
    const D = `${W()}/decisions/${meeting.decisions[0].id}`
    expect((await send(owner, 'PATCH', D, { status: 'done', expectedVersion: 1 })).statusCode).toBe(
      200,
    )
    const staleDecision = await send(owner, 'PATCH', D, { status: 'dropped', expectedVersion: 1 })
    expect(staleDecision.statusCode).toBe(409)
    const scheduled = json(
      await send(owner, 'POST', `${W()}/organizations/${org}/meetings`, { date: '2026-06-08' }),
    )
    expect(scheduled.status).toBe('scheduled')
  })

  it('raises roi-theoretical for unmeasured production and clears it once measured', async () => {
    const id = await anInitiative('Forecast')
    await server.store.initiatives.move({ userId: owner.id }, ws, id, {
      to: 'production',
      reason: 'imported',
      by: null,
      expectedVersion: 1,
    })
    const ids = async (asOf: string) =>
      json(
        await send(owner, 'GET', `${W()}/organizations/${org}/signals?asOf=${asOf}`),
      ).signals.map((s: { id: string }) => s.id)
    expect(await ids('2026-09-01')).toContain('roi-theoretical')
    await send(owner, 'POST', `${W()}/initiatives/${id}/reviews`, {
      lens: 'caio',
      should: 'yes',
      measure: { metric: 'accuracy', baseline: 50, target: 90 },
    })
    const measured = await send(editor, 'POST', `${W()}/initiatives/${id}/measurements`, {
      at: '2026-08-20',
      value: 70,
    })
    expect(measured.statusCode).toBe(201)
    expect(await ids('2026-09-01')).not.toContain('roi-theoretical')
    const agenda = json(await send(viewer, 'GET', `${W()}/organizations/${org}/agenda`))
    expect(agenda.asOf).toBe('2026-06-01')
    expect(agenda.items.length).toBeGreaterThan(0)
  })

  it('imports initiatives from CSV, naming bad rows and keeping good ones, and exports them injection-safe', async () => {
    const csv = [
      'title,stage,functions,owner_seat,summary',
      '"=HYPERLINK(""x"")",pilot,finance;operations,CAIO,"Sorts, then files"',
      ',idea,,,',
      'Bad stage,launched,,,',
      'Bad function,idea,astrology,,',
      '',
      'Plain,,,,',
    ].join('\r\n')
    const imported = await server.app.inject({
      method: 'POST',
      url: `${W()}/organizations/${org}/initiatives/import`,
      headers: { authorization: editor.bearer, 'content-type': 'text/csv' },
      payload: csv,
    })
    expect(imported.statusCode, imported.body).toBe(200)
    const result = json(imported)
    expect([result.created, result.refused]).toEqual([2, 3])
    expect(result.errors).toEqual([
      { row: 3, field: 'title', message: 'a title is required' },
      { row: 4, field: 'stage', message: expect.stringContaining('expected one of') },
      { row: 5, field: 'functions', message: expect.stringContaining('expected one of') },
    ])
    const first = json(await send(viewer, 'GET', `${W()}/initiatives/${result.ids[0]}`))
    expect([first.stage, first.history[0].kind, first.functions]).toEqual([
      'pilot',
      'imported',
      ['finance', 'operations'],
    ])
    const badHeader = await server.app.inject({
      method: 'POST',
      url: `${W()}/organizations/${org}/initiatives/import`,
      headers: { authorization: editor.bearer, 'content-type': 'text/csv' },
      payload: 'title,__proto__\r\nx,y\r\n',
    })
    expect(badHeader.statusCode).toBe(400)
    expect(json(badHeader).error.issues).toEqual([
      expect.objectContaining({ path: 'row 1 __proto__', message: 'forbidden column' }),
    ])

    const exported = await send(viewer, 'GET', `${W()}/organizations/${org}/initiatives/export`)
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8')
    const lines = exported.body.split('\r\n')
    expect(lines[0]).toMatch(/^id,title,summary,functions,stage,/)
    const injected = lines.find((line) => line.includes('HYPERLINK'))
    expect(injected).toContain(
      `,"'=HYPERLINK(""x"")","Sorts, then files",finance;operations,pilot,`,
    )
  })

  it('carries the register and the meetings through a workspace export and import', async () => {
    const exported = await send(owner, 'GET', `${W()}/export`)
    expect(exported.statusCode).toBe(200)
    const data = json(exported)
    const source = await server.store.initiatives.listDetailed(ws, org)
    expect(data.register[0].initiatives).toHaveLength(source.length)
    const imported = await send(owner, 'POST', '/api/v1/workspaces/import', data)
    expect(imported.statusCode, imported.body).toBe(201)
    const copy = json(imported).id
    const [organization] = (await server.store.organizations.list(copy)).items
    const initiatives = await server.store.initiatives.listDetailed(copy, organization!.id)
    const shape = (list: typeof source) =>
      [...list]
        .sort((x, y) => x.title.localeCompare(y.title))
        .map((i) => [
          i.title,
          i.stage,
          i.history.map((m) => [m.to, m.kind, m.skipped, m.acknowledgedBy]),
          i.reviews.length,
          i.measurements.map((m) => m.value),
          i.overrides.length,
        ])
    expect(shape(initiatives)).toEqual(shape(source))
    const meetings = await server.store.meetings.listAll(copy, organization!.id)
    const sourceMeetings = await server.store.meetings.listAll(ws, org)
    const meetingShape = (list: typeof sourceMeetings) =>
      list.map((m) => [
        m.date,
        m.status,
        m.notes,
        m.decisions.map((d) => [d.text, d.status, d.due]),
      ])
    expect(meetingShape(meetings)).toEqual(meetingShape(sourceMeetings))
    expect(initiatives[0]!.id).not.toBe(source[0]!.id)
  })

  it('pages through the register', async () => {
    const first = json(await send(viewer, 'GET', `${W()}/organizations/${org}/initiatives?limit=2`))
    expect(first.items).toHaveLength(2)
    const second = json(
      await send(
        viewer,
        'GET',
        `${W()}/organizations/${org}/initiatives?limit=2&after=${first.nextCursor}`,
      ),
    )
    expect(second.items[0].id).not.toBe(first.items[1].id)
  })

  it('serves a calendar feed by its secret URL until it is revoked, internal decisions hidden', async () => {
    await send(owner, 'POST', `${W()}/organizations/${org}/meetings`, {
      date: '2026-06-08',
      start: '09:30',
      decisions: [
        { text: 'Client-visible, due', due: '2026-06-20' },
        { text: 'Internal only', due: '2026-06-21', visibility: 'internal' },
      ],
    })
    const feed = json(await send(editor, 'POST', `${W()}/organizations/${org}/calendar-feeds`, {}))
    const path = new URL(feed.url as string).pathname
    const response = await server.app.inject({ method: 'GET', url: path })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const calendar = new ICAL.Component(ICAL.parse(response.body) as unknown[])
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((event) => String(event.getFirstPropertyValue('summary')))
    expect(summaries).toContain('Northwind: due — Client-visible, due')
    expect(summaries.some((s) => s.includes('Internal only'))).toBe(false)
    expect(summaries).toContain('Northwind: alignment meeting')
    const listed = json(await send(viewer, 'GET', `${W()}/organizations/${org}/calendar-feeds`))
    expect(listed.some((f: { url?: string }) => f.url !== undefined)).toBe(false)
    await send(editor, 'DELETE', `${W()}/organizations/${org}/calendar-feeds/${feed.id}`)
    expect((await server.app.inject({ method: 'GET', url: path })).statusCode).toBe(404)
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/calendar/tco_guess.ics' }))
        .statusCode,
    ).toBe(404)
  })
})
