/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { assess } from '../engine/assess.js'
import { profileSchema } from '../engine/profile-schema.js'
import {
  aProfile,
  aServer,
  aUser,
  aWorkspace,
  json,
  testPlaybook,
} from '../../test/server-harness.js'
import { customPlaybook } from '../../test/server-routes.js'
import { anAssessmentResult } from '../../test/store-builders.js'

describe('organizations, assessments, reports and charters', () => {
  let server: TestServer
  let alice: TestUser
  let ws: string
  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
    ws = await aWorkspace(server.store, alice, 'Work')
  })
  afterEach(async () => {
    await server.close()
  })

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url: `/api/v1/workspaces/${ws}${url}`,
      headers: { authorization: alice.bearer, ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    })

  async function anOrganization(name = 'Acme Analytics'): Promise<string> {
    return json(await call('POST', '/organizations', { profile: aProfile({ name }) })).id
  }

  it('creates an organization with version 1 and the normalized profile', async () => {
    const response = await call('POST', '/organizations', { profile: aProfile() })
    expect(response.statusCode).toBe(201)
    expect(json(response)).toEqual({
      id: expect.any(String),
      name: 'Acme Analytics',
      profileVersion: 1,
      profile: profileSchema.parse(aProfile()),
    })
  })

  it('keeps every profile version and lists organizations with their latest assessment', async () => {
    const id = await anOrganization()
    await call('PUT', `/organizations/${id}/profile`, {
      profile: aProfile({ employees: 150 }),
      expectedVersion: 1,
    })
    const versions = json(await call('GET', `/organizations/${id}/versions`))
    expect(
      versions.map((v: { version: number; profile: { employees: number } }) => [
        v.version,
        v.profile.employees,
      ]),
    ).toEqual([
      [1, 45],
      [2, 150],
    ])
    expect(versions[0].createdBy).toBe(alice.id)
    const assessment = json(await call('POST', `/organizations/${id}/assessments`, {}))
    const list = json(await call('GET', '/organizations?q=acme&limit=10&count=true'))
    expect(list.total).toBe(1)
    expect(list.nextCursor).toBeNull()
    expect(list.items[0]).toEqual({
      id,
      name: 'Acme Analytics',
      profileVersion: 2,
      updatedAt: expect.any(String),
      latestAssessment: {
        id: assessment.id,
        structure: assessment.result.recommendation.structure,
        antiPatterns: [],
        currentStructure: null,
        createdAt: assessment.createdAt,
      },
    })
    expect(json(await call('GET', '/organizations?q=zzz&count=true')).total).toBe(0)
    // Without count=true no page counts the list.
    expect(json(await call('GET', '/organizations?q=acme'))).not.toHaveProperty('total')
  })

  it('pages every list by cursor: nextCursor in bodies, Link rel="next" on arrays', async () => {
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo']) await anOrganization(name)
    const names: string[] = []
    let url = '/organizations?limit=3'
    for (;;) {
      const page = json(await call('GET', url))
      names.push(...page.items.map((item: { name: string }) => item.name))
      if (page.nextCursor === null) break
      url = `/organizations?limit=3&after=${page.nextCursor}`
    }
    expect(names).toEqual(['alpha', 'bravo', 'Charlie', 'Delta'])
    const bad = await call('GET', '/organizations?after=%21%21')
    expect(bad.statusCode).toBe(400)
    expect(json(bad).error.issues).toEqual([
      {
        code: 'invalid_value',
        path: 'after',
        message: 'expected the nextCursor of a previous page',
      },
    ])

    const id = await anOrganization('Versioned')
    for (const employees of [150, 160]) {
      const current = json(await call('GET', `/organizations/${id}`))
      await call('PUT', `/organizations/${id}/profile`, {
        profile: aProfile({ name: 'Versioned', employees }),
        expectedVersion: current.profileVersion,
      })
    }
    const first = await call('GET', `/organizations/${id}/versions?limit=2`)
    expect(json(first).map((v: { version: number }) => v.version)).toEqual([1, 2])
    const next = /^<([^>]+)>; rel="next"$/.exec(String(first.headers.link))
    expect(next).not.toBeNull()
    const rest = await server.app.inject({
      method: 'GET',
      url: next![1]!,
      headers: { authorization: alice.bearer },
    })
    expect(json(rest).map((v: { version: number }) => v.version)).toEqual([3])
    expect(rest.headers.link).toBeUndefined()

    for (let i = 0; i < 3; i++) await call('POST', `/organizations/${id}/assessments`, {})
    const all = json(await call('GET', `/organizations/${id}/assessments`))
    const page1 = await call('GET', `/organizations/${id}/assessments?limit=2`)
    const link = /<([^>]+)>/.exec(String(page1.headers.link))![1]!
    const page2 = await server.app.inject({
      method: 'GET',
      url: link,
      headers: { authorization: alice.bearer },
    })
    expect([...json(page1), ...json(page2)]).toEqual(all)
    expect(all).toHaveLength(3)
  })

  it('answers POST /api/v1/assess?detail=summary with the compact form, and caps use cases', async () => {
    const post = (url: string, payload: unknown) =>
      server.app.inject({ method: 'POST', url, payload: payload as string })
    const full = json(await post('/api/v1/assess', aProfile()))
    const compact = await post('/api/v1/assess?detail=summary', aProfile())
    expect(compact.statusCode).toBe(200)
    expect(json(compact)).toEqual({
      name: 'Acme Analytics',
      structure: full.recommendation.structure,
      complexity: expect.any(String),
      'ai-centrality': expect.any(String),
      'cross-functional-reach': expect.any(String),
      'failure-stakes': expect.any(String),
      budget: expect.any(String),
      antiPatterns: full.antiPatterns.map((finding: { id: string }) => finding.id),
    })
    expect(compact.body.length).toBeLessThan(400)
    expect((await post('/api/v1/assess?detail=all', aProfile())).statusCode).toBe(400)

    const useCases = Array.from({ length: 51 }, (_, i) => ({ name: `Use ${i}` }))
    const refused = await post('/api/v1/assess', {
      ...aProfile(),
      ai: { centrality: 'important', useCases },
    })
    expect(refused.statusCode).toBe(400)
    expect(json(refused).error.issues).toEqual([
      { code: 'too_big', path: 'ai.useCases', message: 'at most 50 use cases per profile' },
    ])
  })

  it('pages the portfolio mismatches and counts over the latest assessments', async () => {
    for (const name of ['B', 'A', 'C', 'D']) {
      const id = await anOrganization(name)
      const mismatch = name !== 'D'
      await server.store.assessments.create({ userId: alice.id }, ws, {
        organizationId: id,
        profileVersion: 1,
        result: anAssessmentResult({
          structure: 'separate-full-time',
          current: mismatch ? 'cto-owns-ai' : 'separate-full-time',
          antiPatterns: ['roles-later'],
        }),
      })
    }
    const first = json(await call('GET', '/portfolio?limit=2'))
    expect(first).toMatchObject({
      assessed: 4,
      byStructure: { 'separate-full-time': 4 },
      antiPatterns: [{ id: 'roles-later', count: 4 }],
      mismatchTotal: 3,
    })
    expect(first.mismatches.map((m: { name: string }) => m.name)).toEqual(['A', 'B'])
    const second = json(await call('GET', `/portfolio?limit=2&after=${first.nextCursor}`))
    expect(second.mismatches.map((m: { name: string }) => m.name)).toEqual(['C'])
    expect(second.nextCursor).toBeNull()
  })

  it('assesses an older profile version with the default playbook, immutably recorded', async () => {
    const id = await anOrganization()
    await call('PUT', `/organizations/${id}/profile`, {
      profile: aProfile({ employees: 150, engineers: 40 }),
      expectedVersion: 1,
    })
    const response = await call('POST', `/organizations/${id}/assessments`, { profileVersion: 1 })
    expect(response.statusCode).toBe(201)
    const record = json(response)
    const expected = assess(profileSchema.parse(aProfile()), testPlaybook())
    expect(record).toMatchObject({
      organizationId: id,
      profileVersion: 1,
      playbook: { id: expected.playbook.id, version: expected.playbook.version },
      createdBy: alice.id,
    })
    expect(record.result).toEqual(JSON.parse(JSON.stringify(expected)))
    const again = json(await call('GET', `/assessments/${record.id}`))
    expect(again.result).toEqual(record.result)
    const list = json(await call('GET', `/organizations/${id}/assessments`))
    expect(list.map((a: { id: string; structure: string }) => [a.id, a.structure])).toEqual([
      [record.id, expected.recommendation.structure],
    ])
    expect(list[0].result).toBeUndefined()
  })

  it('answers 404 for a profile version that does not exist', async () => {
    const id = await anOrganization()
    const response = await call('POST', `/organizations/${id}/assessments`, { profileVersion: 7 })
    expect(response.statusCode).toBe(404)
  })

  it.each([
    ['md', 'text/markdown; charset=utf-8', '# '],
    ['html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['json', 'application/json; charset=utf-8', '"schema": "tandem/assessment@1"'],
  ])('renders the report as %s', async (format, contentType, start) => {
    const id = await anOrganization()
    const { id: assessmentId } = json(await call('POST', `/organizations/${id}/assessments`, {}))
    const response = await call('GET', `/assessments/${assessmentId}/report?format=${format}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe(contentType)
    expect(response.body.toLowerCase()).toContain(start.toLowerCase())
  })

  it('creates a charter from an assessment, saves edits as versions and enforces the charter rules', async () => {
    const id = await anOrganization()
    const { id: assessmentId, result } = json(
      await call('POST', `/organizations/${id}/assessments`, {}),
    )
    const created = await call('POST', `/assessments/${assessmentId}/charter`)
    expect(created.statusCode).toBe(201)
    const charter = json(created)
    expect(charter).toMatchObject({
      assessmentId,
      organizationId: id,
      version: 1,
      charter: result.charter,
    })

    const rows = charter.charter.rows.map(
      (row: { cells: Record<string, string> }, index: number) =>
        index === 0
          ? { ...row, cells: Object.fromEntries(Object.keys(row.cells).map((c) => [c, 'R'])) }
          : row,
    )
    const broken = await call('PUT', `/charters/${charter.id}`, {
      charter: { ...charter.charter, rows },
      expectedVersion: 1,
    })
    expect(broken.statusCode).toBe(400)
    expect(json(broken).error.issues[0].path).toBe('charter.rows[0].cells')

    const renamed = charter.charter.rows.map((row: { label: string }, index: number) =>
      index === 0 ? { ...row, label: 'Platforms and tooling' } : row,
    )
    const saved = await call('PUT', `/charters/${charter.id}`, {
      charter: { ...charter.charter, rows: renamed },
      expectedVersion: 1,
    })
    expect(saved.statusCode).toBe(200)
    expect(json(saved).version).toBe(2)
    const stale = await call('PUT', `/charters/${charter.id}`, {
      charter: charter.charter,
      expectedVersion: 1,
    })
    expect(stale.statusCode).toBe(409)
    const versions = json(await call('GET', `/charters/${charter.id}/versions`))
    expect(
      versions.map((v: { version: number; charter: { rows: { label: string }[] } }) => [
        v.version,
        v.charter.rows[0]?.label,
      ]),
    ).toEqual([
      [1, charter.charter.rows[0].label],
      [2, 'Platforms and tooling'],
    ])
    const csv = await call('GET', `/charters/${charter.id}/export?format=csv`)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.body).toContain('Platforms and tooling')
  })

  it('deletes an organization with its history', async () => {
    const id = await anOrganization()
    expect((await call('DELETE', `/organizations/${id}`)).statusCode).toBe(204)
    expect((await call('GET', `/organizations/${id}`)).statusCode).toBe(404)
  })

  it('writes one audit row per change, newest first, for owners', async () => {
    const id = await anOrganization()
    await call('PUT', `/organizations/${id}/profile`, {
      profile: aProfile({ employees: 50 }),
      expectedVersion: 1,
    })
    const audit = json(await call('GET', '/audit?limit=2'))
    expect(audit).toHaveLength(2)
    expect(audit[0]).toMatchObject({ actor: alice.id, at: expect.any(String) })
    expect(Object.keys(audit[0]).sort()).toEqual([
      'action',
      'actor',
      'after',
      'at',
      'before',
      'id',
      'target',
    ])
  })

  it('uploads a custom playbook as YAML, lists it and assesses with it', async () => {
    const { stringify } = await import('yaml')
    const upload = await call('POST', '/playbooks', stringify(customPlaybook('acme-playbook')), {
      'content-type': 'application/yaml',
    })
    expect(upload.statusCode).toBe(201)
    expect(json(upload)).toEqual({
      id: expect.any(String),
      playbookId: 'acme-playbook',
      version: '1.0.0',
    })
    const list = json(await call('GET', '/playbooks'))
    expect(list.map((p: { playbookId: string }) => p.playbookId)).toEqual(['acme-playbook'])
    const id = await anOrganization()
    const assessed = json(
      await call('POST', `/organizations/${id}/assessments`, { playbookId: 'acme-playbook' }),
    )
    expect(assessed.playbook).toEqual({ id: 'acme-playbook', version: '1.0.0' })
  })

  it('refuses an invalid playbook with the path inside the document', async () => {
    const response = await call('POST', '/playbooks', { ...customPlaybook('bad'), rules: [] })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toContainEqual({
      code: 'too_small',
      path: 'rules',
      message: expect.any(String),
    })
  })

  it('refuses a hostile, deeply nested YAML playbook without crashing', async () => {
    const response = await call('POST', '/playbooks', `a: ${'['.repeat(100_000)}`, {
      'content-type': 'application/yaml',
    })
    expect(response.statusCode).toBe(400)
    expect((await call('GET', '/playbooks')).statusCode).toBe(200)
  })

  it('imports CSV rows as a job: valid rows kept, refused rows listed by row and field', async () => {
    const csv = [
      'name,employees,engineers,ai.centrality',
      'Alpha,40,10,important',
      'Beta,12,3,central',
      'Gamma,200,60,core',
    ].join('\n')
    const started = await call('POST', '/imports', csv, { 'content-type': 'text/csv' })
    expect(started.statusCode).toBe(202)
    const job = json(started)
    expect(job).toMatchObject({ status: 'queued', total: 3 })
    let progress = job
    for (let i = 0; i < 100 && progress.status !== 'done' && progress.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      progress = json(await call('GET', `/imports/${job.id}`))
    }
    expect(progress).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      accepted: 2,
      refused: 1,
    })
    const errors = json(await call('GET', `/imports/${job.id}/errors`))
    expect(errors).toEqual([{ row: 3, field: 'ai.centrality', message: expect.any(String) }])
    const names = json(await call('GET', '/organizations'))
      .items.map((o: { name: string }) => o.name)
      .sort()
    expect(names).toEqual(['Alpha', 'Gamma'])
  })

  it('leaves Object.prototype untouched by hostile JSON, YAML and CSV uploads', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const hostile = [
      [
        'application/x-ndjson',
        '{"name":"x","__proto__":{"polluted":1}}\n{"constructor":{"prototype":{"polluted":1}}}\n',
      ],
      ['application/yaml', 'name: x\n__proto__:\n  polluted: 1\n'],
      ['text/csv', '__proto__,name\n1,x\n'],
    ] as const
    for (const [type, body] of hostile) {
      const response = await call('POST', '/imports', body, { 'content-type': type })
      expect([202, 400]).toContain(response.statusCode)
    }
    const playbook = await call('POST', '/playbooks', '{"__proto__":{"polluted":1}}', {
      'content-type': 'application/json',
    })
    expect(playbook.statusCode).toBe(400)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('refuses an import with an unknown CSV column before a job exists', async () => {
    const response = await call(
      'POST',
      '/imports',
      'name,employees,engineers,ai.centrality,salary\nA,1,0,core,9\n',
      { 'content-type': 'text/csv' },
    )
    expect(response.statusCode).toBe(400)
  })

  it('exports a workspace and imports it as a new one with new ids', async () => {
    const id = await anOrganization('Exported Org')
    await call('POST', `/organizations/${id}/assessments`, {})
    const exported = await call('GET', '/export')
    expect(exported.statusCode).toBe(200)
    const data = json(exported)
    expect(data.schema).toBe('tandem/workspace-export@1')
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/import',
      headers: { authorization: alice.bearer },
      payload: data,
    })
    expect(imported.statusCode).toBe(201)
    const copy = json(imported)
    expect(copy).toMatchObject({ name: 'Work', role: 'owner' })
    expect(copy.id).not.toBe(ws)
    const orgs = json(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${copy.id}/organizations`,
        headers: { authorization: alice.bearer },
      }),
    )
    expect(
      orgs.items.map((o: { name: string; id: string; latestAssessment: unknown }) => [
        o.name,
        o.id === id,
        o.latestAssessment !== null,
      ]),
    ).toEqual([['Exported Org', false, true]])
  })

  it('aggregates the portfolio from the latest assessments', async () => {
    const a = await anOrganization('Small')
    const b = await anOrganization('Large')
    await call('PUT', `/organizations/${b}/profile`, {
      profile: aProfile({
        name: 'Large',
        employees: 500,
        engineers: 120,
        products: 3,
        budget: { fullTimeLeaders: 2 },
        ai: { centrality: 'core' },
      }),
      expectedVersion: 1,
    })
    const first = json(await call('POST', `/organizations/${a}/assessments`, {}))
    const second = json(await call('POST', `/organizations/${b}/assessments`, {}))
    const portfolio = json(await call('GET', '/portfolio'))
    const expected: Record<string, number> = {}
    for (const s of [first.result.recommendation.structure, second.result.recommendation.structure])
      expected[s] = (expected[s] ?? 0) + 1
    expect(portfolio.byStructure).toEqual(expected)
    expect(portfolio.mismatches).toEqual([])
  })
})

describe('public routes', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  it('assesses a profile without an account, exactly as the engine does', async () => {
    server = await aServer()
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: aProfile(),
    })
    expect(response.statusCode).toBe(200)
    expect(json(response)).toEqual(
      JSON.parse(JSON.stringify(assess(profileSchema.parse(aProfile()), testPlaybook()))),
    )
  })

  it('rate-limits anonymous assessments per IP', async () => {
    server = await aServer({ TANDEM_ASSESS_RATE: '2' })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await server.app.inject({ method: 'POST', url: '/api/v1/assess', payload: aProfile() }))
          .statusCode,
      )
    expect(statuses).toEqual([200, 200, 429])
  })

  it('requires an account for /assess when TANDEM_PUBLIC_ASSESS is off', async () => {
    server = await aServer({ TANDEM_PUBLIC_ASSESS: 'off' })
    const alice = await aUser(server.store, 'alice@example.com')
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: aProfile(),
    })
    const signedIn = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { authorization: alice.bearer },
      payload: aProfile(),
    })
    expect([anonymous.statusCode, signedIn.statusCode]).toEqual([401, 200])
  })

  it('classifies one use case', async () => {
    server = await aServer()
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/classify',
      payload: { name: 'CV screening', area: 'employment' },
    })
    expect(response.statusCode).toBe(200)
    expect(json(response).tier).toBe('high')
  })

  it("serves the default playbook's questionnaire and structures", async () => {
    server = await aServer()
    const body = json(await server.app.inject({ method: 'GET', url: '/api/v1/playbook' }))
    expect(body.id).toBe(testPlaybook().id)
    expect(body.questionnaire).toEqual(JSON.parse(JSON.stringify(testPlaybook().questionnaire)))
    expect(body.structures.map((s: { id: string }) => s.id)).toContain('separate-full-time')
    expect(body.rules).toBeUndefined()
  })

  it('creates the first owner once with the setup token, signs them in, then closes setup', async () => {
    server = await aServer({}, { setupToken: 'setup-token-0123456789' })
    const page = await server.app.inject({
      method: 'GET',
      url: '/setup?token=setup-token-0123456789',
    })
    expect(page.statusCode).toBe(200)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    // A wrong or used link gets the same page, which asks the API and says the link is used.
    expect((await server.app.inject({ method: 'GET', url: '/setup?token=wrong' })).statusCode).toBe(
      200,
    )
    const check = (token: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/setup/check', payload: { token } })
    expect(json(await check('setup-token-0123456789'))).toEqual({ status: 'pending' })
    expect(json(await check('wrong'))).toEqual({ status: 'used' })
    const payload = {
      token: 'setup-token-0123456789',
      email: 'Owner@Example.com',
      password: 'a long enough passphrase',
    }
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/setup', payload })
    expect(created.statusCode).toBe(201)
    expect(json(created)).toMatchObject({
      user: { email: 'owner@example.com' },
      workspace: { name: 'My workspace', role: 'owner' },
    })
    const cookie = created.cookies.find((c) => c.name === 'tandem_session')?.value ?? ''
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { tandem_session: cookie },
    })
    expect(json(me).user.email).toBe('owner@example.com')
    expect(json(await check('setup-token-0123456789'))).toEqual({ status: 'used' })
    expect(
      (await server.app.inject({ method: 'POST', url: '/api/v1/setup', payload })).statusCode,
    ).toBe(404)
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@example.com', password: payload.password },
    })
    expect(login.statusCode).toBe(200)
  })

  it('answers the demo sign-in with 404 when the demo is off', async () => {
    server = await aServer({ TANDEM_DEMO: 'off' })
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/demo' })).statusCode).toBe(
      404,
    )
  })
})
