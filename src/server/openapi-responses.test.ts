/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- response bodies are untyped JSON checked against the documented schemas */
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { assess } from '../engine/assess.js'
import { profileSchema } from '../engine/profile-schema.js'
import {
  aProfile,
  aServer,
  aSession,
  aUser,
  json,
  TEST_PASSWORD,
  testPlaybook,
} from '../../test/server-harness.js'
import { customPlaybook } from '../../test/server-routes.js'
import { POLICY, PUBLIC_ROUTES } from './policy.js'
import { assessmentView } from './views.js'

// The documentation is true: a realistic session calls every route of the policy and the public
// list, and every answer (success or error) must be a status the route documents in
// /api/openapi.json, with a body that the documented schema accepts. The schemas are read back from
// the published document with zod (z.fromJSONSchema), so this checks what a client author reads;
// objects are closed there (additionalProperties: false), so a field a view gains or loses without
// its schema fails here.

interface ResponseDoc {
  readonly description: string
  readonly content?: Readonly<Record<string, { readonly schema: unknown }>>
}
interface OpenApiDoc {
  readonly paths: Record<string, Record<string, { responses: Record<string, ResponseDoc> }>>
  readonly components: { readonly schemas: Record<string, unknown> }
}

const SETUP_TOKEN = 'first-run-setup-token'
const HIDDEN = ['GET /api/openapi.json']

describe('the responses documented in /api/openapi.json', () => {
  let server: TestServer
  let doc: OpenApiDoc
  const answered = new Set<string>()
  const validators = new Map<unknown, z.ZodType>()

  beforeAll(async () => {
    server = await aServer(
      { TANDEM_DEMO: 'on', TANDEM_ASSESS_RATE: '4' },
      { setupToken: SETUP_TOKEN },
    )
    doc = json(await server.app.inject({ method: 'GET', url: '/api/openapi.json' }))
  })
  afterAll(async () => {
    await server.close()
  })

  function documentedSchema(route: string, status: number, mediaType: string): z.ZodType {
    const [method = '', pattern = ''] = route.split(' ')
    const operation = doc.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]
    expect(operation, `${route} is in openapi.json`).toBeDefined()
    const response = operation?.responses[String(status)]
    expect(response, `${route} documents status ${status}`).toBeDefined()
    if (status === 204) {
      expect(response?.content, `${route} 204 has no body`).toBeUndefined()
      return z.literal('')
    }
    const schema = response?.content?.[mediaType]?.schema
    expect(schema, `${route} ${status} documents ${mediaType}`).toBeDefined()
    let validator = validators.get(schema)
    if (!validator) {
      validator = z.fromJSONSchema(resolveRefs(schema, doc.components.schemas) as never)
      validators.set(schema, validator)
    }
    return validator
  }

  /** Sends one request of `route` and checks the answer against the route's documentation. */
  async function call(route: string, options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await server.app.inject(options)
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
    const schema = documentedSchema(route, response.statusCode, mediaType ?? '')
    const body: unknown = mediaType?.includes('json') ? json(response) : response.body
    const parsed = schema.safeParse(body)
    expect(parsed.error?.issues, `${route} ${response.statusCode} body`).toBeUndefined()
    answered.add(`${route} ${response.statusCode}`)
    return response
  }

  it('holds for every answer of a first-run-to-sign-out session', async () => {
    const { app, store } = server
    // Public, first run.
    await call('GET /healthz', { method: 'GET', url: '/healthz' })
    await call('GET /readyz', { method: 'GET', url: '/readyz' })
    await call('GET /api/v1/playbook', { method: 'GET', url: '/api/v1/playbook' })
    await call('GET /setup', { method: 'GET', url: `/setup?token=${SETUP_TOKEN}` })
    await call('GET /setup', { method: 'GET', url: '/setup?token=wrong' })
    await call('POST /api/v1/setup/check', {
      method: 'POST',
      url: '/api/v1/setup/check',
      payload: { token: SETUP_TOKEN },
    })
    const setup = await call('POST /api/v1/setup', {
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token: SETUP_TOKEN,
        email: 'owner@example.com',
        name: 'Olivia Owner',
        password: TEST_PASSWORD,
      },
    })
    expect(setup.statusCode).toBe(201)
    const ws: string = json(setup).workspace.id
    const owner: TestUser = {
      id: json(setup).user.id,
      email: 'owner@example.com',
      password: TEST_PASSWORD,
      bearer: '',
      session: '',
    }

    // Stateless assessment and classification, up to the rate limit.
    await call('POST /api/v1/assess', {
      method: 'POST',
      url: '/api/v1/assess',
      payload: aProfile(),
    })
    await call('POST /api/v1/assess', {
      method: 'POST',
      url: '/api/v1/assess',
      payload: { ...aProfile(), extra: true },
    })
    await call('POST /api/v1/classify', {
      method: 'POST',
      url: '/api/v1/classify',
      payload: { name: 'CV screening', profiling: true },
    })
    for (let i = 0; i < 3; i++) {
      await call('POST /api/v1/classify', {
        method: 'POST',
        url: '/api/v1/classify',
        payload: { name: 'Chatbot', interactsWithPeople: true },
      })
    }
    expect(answered).toContain('POST /api/v1/classify 429')

    // Signing in; a session writes with its Origin, and a token is made for scripts.
    await call('POST /api/v1/auth/login', {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: 'not the password' },
    })
    await call('POST /api/v1/auth/login', {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: owner.password },
    })
    const session = await aSession(app, owner)
    const asOwner = { headers: session.headers, cookies: session.cookies }
    const created = await call('POST /api/v1/tokens', {
      method: 'POST',
      url: '/api/v1/tokens',
      ...asOwner,
      payload: { name: 'integration', scope: 'write' },
    })
    const bearer = { authorization: `Bearer ${json(created).token}` }
    await call('POST /api/v1/tokens', {
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...session.headers, origin: 'https://elsewhere.example' },
      cookies: session.cookies,
      payload: { name: 'cross-site' },
    })
    await call('GET /api/v1/me', { method: 'GET', url: '/api/v1/me', headers: bearer })
    await call('GET /api/v1/me', { method: 'GET', url: '/api/v1/me' })
    await call('GET /api/v1/tokens', { method: 'GET', url: '/api/v1/tokens', headers: bearer })

    // Workspaces and members.
    const W = `/api/v1/workspaces/${ws}`
    await call('GET /api/v1/workspaces', {
      method: 'GET',
      url: '/api/v1/workspaces',
      headers: bearer,
    })
    await call('POST /api/v1/workspaces', {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: bearer,
      payload: { name: 'Second' },
    })
    await call('POST /api/v1/workspaces', {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: bearer,
      payload: { name: 'x'.repeat(2 * 1024 * 1024) },
    })
    await call('POST /api/v1/workspaces', {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { ...bearer, 'content-type': 'text/csv' },
      payload: 'name\nThird\n',
    })
    await call('GET /api/v1/workspaces/:ws', { method: 'GET', url: W, headers: bearer })
    await call('GET /api/v1/workspaces/:ws', {
      method: 'GET',
      url: '/api/v1/workspaces/not-mine',
      headers: bearer,
    })
    await call('PATCH /api/v1/workspaces/:ws', {
      method: 'PATCH',
      url: W,
      headers: bearer,
      payload: { name: 'Consultancy', expectedVersion: 1 },
    })
    await call('PATCH /api/v1/workspaces/:ws', {
      method: 'PATCH',
      url: W,
      headers: bearer,
      payload: { name: 'Stale', expectedVersion: 1 },
    })
    const viewer = await aUser(store, 'viewer@example.com')
    await call('POST /api/v1/workspaces/:ws/members', {
      method: 'POST',
      url: `${W}/members`,
      headers: bearer,
      payload: { email: viewer.email, role: 'viewer' },
    })
    await call('POST /api/v1/workspaces/:ws/members', {
      method: 'POST',
      url: `${W}/members`,
      headers: bearer,
      payload: { email: viewer.email, role: 'viewer' },
    })
    await call('GET /api/v1/workspaces/:ws/members', {
      method: 'GET',
      url: `${W}/members`,
      headers: bearer,
    })

    // Invitations and reset links: issued by the owner, used from the link's page.
    const invited = json(
      await call('POST /api/v1/workspaces/:ws/invitations', {
        method: 'POST',
        url: `${W}/invitations`,
        headers: bearer,
        payload: { email: 'ivy@example.com', role: 'editor' },
      }),
    )
    await call('POST /api/v1/workspaces/:ws/invitations', {
      method: 'POST',
      url: `${W}/invitations`,
      headers: bearer,
      payload: { email: 'ivy@example.com', role: 'viewer' },
    })
    const second = json(
      await call('POST /api/v1/workspaces/:ws/invitations', {
        method: 'POST',
        url: `${W}/invitations`,
        headers: bearer,
        payload: { email: 'jo@example.com', role: 'viewer' },
      }),
    )
    await call('GET /api/v1/workspaces/:ws/invitations', {
      method: 'GET',
      url: `${W}/invitations`,
      headers: bearer,
    })
    await call('DELETE /api/v1/workspaces/:ws/invitations/:id', {
      method: 'DELETE',
      url: `${W}/invitations/${second.id}`,
      headers: bearer,
    })
    const inviteToken = String(invited.link).split('/').at(-1)
    await call('POST /api/v1/invitations/lookup', {
      method: 'POST',
      url: '/api/v1/invitations/lookup',
      payload: { token: inviteToken },
    })
    await call('POST /api/v1/invitations/accept', {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: inviteToken, name: 'Ivy', password: TEST_PASSWORD },
    })
    await call('POST /api/v1/invitations/lookup', {
      method: 'POST',
      url: '/api/v1/invitations/lookup',
      payload: { token: inviteToken },
    })
    await call('POST /api/v1/invitations/accept', {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: inviteToken, password: TEST_PASSWORD },
    })
    const ivy = await store.users.findByEmail('ivy@example.com')
    const reset = json(
      await call('POST /api/v1/workspaces/:ws/members/:userId/password-reset', {
        method: 'POST',
        url: `${W}/members/${ivy?.id}/password-reset`,
        ...asOwner,
      }),
    )
    await call('GET /api/v1/workspaces/:ws/password-resets', {
      method: 'GET',
      url: `${W}/password-resets`,
      headers: bearer,
    })
    const resetToken = String(reset.link).split('/').at(-1)
    await call('POST /api/v1/password-resets/lookup', {
      method: 'POST',
      url: '/api/v1/password-resets/lookup',
      payload: { token: resetToken },
    })
    await call('POST /api/v1/password-resets/complete', {
      method: 'POST',
      url: '/api/v1/password-resets/complete',
      payload: { token: resetToken, password: 'a new passphrase for ivy' },
    })
    const again = json(
      await call('POST /api/v1/workspaces/:ws/members/:userId/password-reset', {
        method: 'POST',
        url: `${W}/members/${ivy?.id}/password-reset`,
        ...asOwner,
      }),
    )
    await call('DELETE /api/v1/workspaces/:ws/password-resets/:id', {
      method: 'DELETE',
      url: `${W}/password-resets/${again.id}`,
      headers: bearer,
    })

    // Organizations, assessments, reports, charters.
    const org = json(
      await call('POST /api/v1/workspaces/:ws/organizations', {
        method: 'POST',
        url: `${W}/organizations`,
        headers: bearer,
        payload: { profile: aProfile() },
      }),
    ).id
    await call('POST /api/v1/workspaces/:ws/organizations', {
      method: 'POST',
      url: `${W}/organizations`,
      headers: { authorization: viewer.bearer },
      payload: { profile: aProfile() },
    })
    await call('POST /api/v1/workspaces/:ws/organizations', {
      method: 'POST',
      url: `${W}/organizations`,
      headers: bearer,
      payload: { profile: { ...aProfile(), employees: -1 } },
    })
    const O = `${W}/organizations/${org}`
    await call('PUT /api/v1/workspaces/:ws/organizations/:org/profile', {
      method: 'PUT',
      url: `${O}/profile`,
      headers: bearer,
      payload: { profile: aProfile({ employees: 150, engineers: 40 }), expectedVersion: 1 },
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org', {
      method: 'GET',
      url: O,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/versions', {
      method: 'GET',
      url: `${O}/versions`,
      headers: bearer,
    })
    const assessment = json(
      await call('POST /api/v1/workspaces/:ws/organizations/:org/assessments', {
        method: 'POST',
        url: `${O}/assessments`,
        headers: bearer,
        payload: {},
      }),
    ).id
    await call('GET /api/v1/workspaces/:ws/organizations', {
      method: 'GET',
      url: `${W}/organizations?limit=10`,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/assessments', {
      method: 'GET',
      url: `${O}/assessments`,
      headers: bearer,
    })
    const A = `${W}/assessments/${assessment}`
    await call('GET /api/v1/workspaces/:ws/assessments/:id', {
      method: 'GET',
      url: A,
      headers: bearer,
    })
    for (const format of ['md', 'html', 'json']) {
      await call('GET /api/v1/workspaces/:ws/assessments/:id/report', {
        method: 'GET',
        url: `${A}/report?format=${format}`,
        headers: bearer,
      })
    }
    for (const format of ['md', 'html', 'json']) {
      await call('GET /api/v1/workspaces/:ws/assessments/:id/briefs', {
        method: 'GET',
        url: `${A}/briefs?format=${format}`,
        headers: bearer,
      })
    }
    const charter = json(
      await call('POST /api/v1/workspaces/:ws/assessments/:id/charter', {
        method: 'POST',
        url: `${A}/charter`,
        headers: bearer,
      }),
    )
    const C = `${W}/charters/${charter.id}`
    await call('GET /api/v1/workspaces/:ws/charters/:id', {
      method: 'GET',
      url: C,
      headers: bearer,
    })
    await call('PUT /api/v1/workspaces/:ws/charters/:id', {
      method: 'PUT',
      url: C,
      headers: bearer,
      payload: { charter: charter.charter, expectedVersion: 1 },
    })
    await call('GET /api/v1/workspaces/:ws/charters/:id/versions', {
      method: 'GET',
      url: `${C}/versions`,
      headers: bearer,
    })
    for (const format of ['csv', 'md', 'json']) {
      await call('GET /api/v1/workspaces/:ws/charters/:id/export', {
        method: 'GET',
        url: `${C}/export?format=${format}`,
        headers: bearer,
      })
    }

    // Playbooks and imports.
    const playbook = customPlaybook('consultancy-playbook')
    for (let i = 0; i < 2; i++) {
      await call('POST /api/v1/workspaces/:ws/playbooks', {
        method: 'POST',
        url: `${W}/playbooks`,
        headers: bearer,
        payload: playbook,
      })
    }
    await call('GET /api/v1/workspaces/:ws/playbooks', {
      method: 'GET',
      url: `${W}/playbooks`,
      headers: bearer,
    })
    const job = json(
      await call('POST /api/v1/workspaces/:ws/imports', {
        method: 'POST',
        url: `${W}/imports`,
        headers: { ...bearer, 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify(aProfile({ name: 'Imported' }))}\n{"name":"Broken","employees":-3}\n`,
      }),
    ).id
    let status = 'queued'
    for (let i = 0; i < 100 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      status = json(
        await call('GET /api/v1/workspaces/:ws/imports/:id', {
          method: 'GET',
          url: `${W}/imports/${job}`,
          headers: bearer,
        }),
      ).status
    }
    expect(status).toBe('done')
    const refused = await call('GET /api/v1/workspaces/:ws/imports/:id/errors', {
      method: 'GET',
      url: `${W}/imports/${job}/errors`,
      headers: bearer,
    })
    expect(json(refused).length).toBeGreaterThan(0)

    // Operate: the register, the meeting, seats, signals and calendar feeds.
    const initiative = await call('POST /api/v1/workspaces/:ws/organizations/:org/initiatives', {
      method: 'POST',
      url: `${O}/initiatives`,
      headers: bearer,
      payload: { title: 'Invoice triage', functions: ['finance'], owner: { seat: 'CAIO' } },
    })
    const I = `${W}/initiatives/${json(initiative).id}`
    await call('GET /api/v1/workspaces/:ws/organizations/:org/initiatives', {
      method: 'GET',
      url: `${O}/initiatives?limit=1`,
      headers: bearer,
    })
    await call('POST /api/v1/workspaces/:ws/organizations/:org/initiatives/import', {
      method: 'POST',
      url: `${O}/initiatives/import`,
      headers: { ...bearer, 'content-type': 'text/csv' },
      payload: 'title,stage,functions\r\nForecast,pilot,finance\r\n,idea,nonsense\r\n',
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/initiatives/export', {
      method: 'GET',
      url: `${O}/initiatives/export`,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/initiatives/:id', {
      method: 'GET',
      url: I,
      headers: bearer,
    })
    await call('PATCH /api/v1/workspaces/:ws/initiatives/:id', {
      method: 'PATCH',
      url: I,
      headers: bearer,
      payload: { summary: 'Sort incoming invoices', expectedVersion: 1 },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/stage', {
      method: 'POST',
      url: `${I}/stage`,
      headers: bearer,
      payload: { to: 'pilot' },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/reviews', {
      method: 'POST',
      url: `${I}/reviews`,
      headers: bearer,
      payload: { lens: 'cto', build: 'yes', scale: 'unsure', secure: 'yes' },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/reviews', {
      method: 'POST',
      url: `${I}/reviews`,
      headers: bearer,
      payload: {
        lens: 'caio',
        should: 'yes',
        value: 'Fewer hours on invoices',
        measure: { metric: 'hours spent per week', unit: 'h', baseline: 40, target: 25 },
      },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/gate-acknowledgements', {
      method: 'POST',
      url: `${I}/gate-acknowledgements`,
      headers: bearer,
      payload: { to: 'production', items: ['cto-scale-yes'] },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/stage', {
      method: 'POST',
      url: `${I}/stage`,
      headers: bearer,
      payload: { to: 'pilot' },
    })
    await call('POST /api/v1/workspaces/:ws/initiatives/:id/measurements', {
      method: 'POST',
      url: `${I}/measurements`,
      headers: bearer,
      payload: { at: '2026-01-01', value: 31 },
    })
    const meeting = await call('POST /api/v1/workspaces/:ws/organizations/:org/meetings', {
      method: 'POST',
      url: `${O}/meetings`,
      headers: bearer,
      payload: {
        date: '2026-01-05',
        attendees: [{ seat: 'CTO' }, { seat: 'CAIO' }],
        decisions: [{ text: 'Measure weekly', owner: { seat: 'CAIO' }, due: '2026-02-01' }],
      },
    })
    const M = `${W}/meetings/${json(meeting).id}`
    await call('GET /api/v1/workspaces/:ws/organizations/:org/meetings', {
      method: 'GET',
      url: `${O}/meetings`,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/meetings/:id', {
      method: 'GET',
      url: M,
      headers: bearer,
    })
    await call('PATCH /api/v1/workspaces/:ws/meetings/:id', {
      method: 'PATCH',
      url: M,
      headers: bearer,
      payload: { notes: 'Agreed', expectedVersion: 1 },
    })
    await call('PATCH /api/v1/workspaces/:ws/decisions/:id', {
      method: 'PATCH',
      url: `${W}/decisions/${json(meeting).decisions[0].id}`,
      headers: bearer,
      payload: { status: 'done', expectedVersion: 1 },
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/seats', {
      method: 'GET',
      url: `${O}/seats`,
      headers: bearer,
    })
    await call('PUT /api/v1/workspaces/:ws/organizations/:org/seats', {
      method: 'PUT',
      url: `${O}/seats`,
      headers: bearer,
      payload: {
        assignments: [{ seat: 'CAIO', memberId: owner.id, role: 'holder', from: '2026-01-01' }],
        expectedVersion: 0,
      },
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/signals', {
      method: 'GET',
      url: `${O}/signals?asOf=2026-09-01`,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/agenda', {
      method: 'GET',
      url: `${O}/agenda?asOf=2026-02-02`,
      headers: bearer,
    })
    await call('POST /api/v1/workspaces/:ws/organizations/:org/signals/acknowledgements', {
      method: 'POST',
      url: `${O}/signals/acknowledgements`,
      headers: bearer,
      payload: {
        key: 'roi-theoretical:organization',
        reason: 'measuring from March',
        until: '2026-03-01',
      },
    })
    await call('GET /api/v1/me/items', { method: 'GET', url: '/api/v1/me/items', headers: bearer })
    const feed = await call('POST /api/v1/workspaces/:ws/organizations/:org/calendar-feeds', {
      method: 'POST',
      url: `${O}/calendar-feeds`,
      headers: bearer,
      payload: {},
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org/calendar-feeds', {
      method: 'GET',
      url: `${O}/calendar-feeds`,
      headers: bearer,
    })
    await call('GET /api/v1/calendar/:feed', {
      method: 'GET',
      url: new URL(json<{ url: string }>(feed).url).pathname,
    })
    await call('DELETE /api/v1/workspaces/:ws/organizations/:org/calendar-feeds/:id', {
      method: 'DELETE',
      url: `${O}/calendar-feeds/${json(feed).id}`,
      headers: bearer,
    })
    await call('GET /api/v1/calendar/:feed', {
      method: 'GET',
      url: new URL(json<{ url: string }>(feed).url).pathname,
    })
    const myFeed = await call('POST /api/v1/me/calendar-feeds', {
      method: 'POST',
      url: '/api/v1/me/calendar-feeds',
      headers: bearer,
    })
    await call('GET /api/v1/me/calendar-feeds', {
      method: 'GET',
      url: '/api/v1/me/calendar-feeds',
      headers: bearer,
    })
    await call('GET /api/v1/calendar/:feed', {
      method: 'GET',
      url: new URL(json<{ url: string }>(myFeed).url).pathname,
    })
    await call('DELETE /api/v1/me/calendar-feeds/:id', {
      method: 'DELETE',
      url: `/api/v1/me/calendar-feeds/${json(myFeed).id}`,
      headers: bearer,
    })

    // Workspace-wide reads, export and import.
    await call('GET /api/v1/workspaces/:ws/portfolio', {
      method: 'GET',
      url: `${W}/portfolio`,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/audit', {
      method: 'GET',
      url: `${W}/audit?limit=500`,
      headers: bearer,
    })
    const exported = await call('GET /api/v1/workspaces/:ws/export', {
      method: 'GET',
      url: `${W}/export`,
      headers: bearer,
    })
    await call('POST /api/v1/workspaces/import', {
      method: 'POST',
      url: '/api/v1/workspaces/import',
      headers: bearer,
      payload: json(exported),
    })

    // Changes and removals, then the credentials.
    await call('PATCH /api/v1/workspaces/:ws/members/:userId', {
      method: 'PATCH',
      url: `${W}/members/${viewer.id}`,
      headers: bearer,
      payload: { role: 'editor' },
    })
    await call('DELETE /api/v1/workspaces/:ws/members/:userId', {
      method: 'DELETE',
      url: `${W}/members/${viewer.id}`,
      headers: bearer,
    })
    await call('DELETE /api/v1/workspaces/:ws/organizations/:org', {
      method: 'DELETE',
      url: O,
      headers: bearer,
    })
    await call('GET /api/v1/workspaces/:ws/organizations/:org', {
      method: 'GET',
      url: O,
      headers: bearer,
    })
    await call('DELETE /api/v1/tokens/:id', {
      method: 'DELETE',
      url: `/api/v1/tokens/${json(created).id}`,
      ...asOwner,
    })
    await call('GET /api/v1/me', { method: 'GET', url: '/api/v1/me', headers: bearer })
    await call('POST /api/v1/auth/password', {
      method: 'POST',
      url: '/api/v1/auth/password',
      ...asOwner,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
    })
    await call('POST /api/v1/auth/logout', {
      method: 'POST',
      url: '/api/v1/auth/logout',
      ...asOwner,
    })
    await call('POST /api/v1/auth/demo', { method: 'POST', url: '/api/v1/auth/demo' })
  })

  it('holds for the readiness probe of a server whose database is gone', async () => {
    const broken = {
      ...server.store,
      ping: () => Promise.reject(new Error('connection refused')),
    }
    const other = await aServer({}, { store: broken })
    const response = await other.app.inject({ method: 'GET', url: '/readyz' })
    await other.app.close()
    const schema = documentedSchema('GET /readyz', response.statusCode, 'application/json')
    expect([response.statusCode, schema.safeParse(json(response)).success]).toEqual([503, true])
  })

  it('was exercised on every route of the policy and the public list with a 2xx answer', () => {
    const routes = [...Object.keys(POLICY), ...PUBLIC_ROUTES].filter((r) => !HIDDEN.includes(r))
    const missing = routes.filter(
      (route) => ![...answered].some((seen) => new RegExp(`^${escape(route)} 2\\d\\d$`).test(seen)),
    )
    expect(missing).toEqual([])
  })

  it('was exercised with every error status the contract names', () => {
    const statuses = new Set([...answered].map((seen) => Number(seen.split(' ').at(-1))))
    expect([400, 401, 403, 404, 409, 413, 415, 429].filter((s) => !statuses.has(s))).toEqual([])
  })

  it('refuses a body with a field the view lacks, or without a field it has', () => {
    const schema = documentedSchema('GET /api/v1/workspaces/:ws', 200, 'application/json')
    const view = { id: 'w1', name: 'Work', role: 'owner', version: 1 }
    expect(schema.safeParse(view).success).toBe(true)
    expect(schema.safeParse({ ...view, createdAt: '2026-01-01T00:00:00.000Z' }).success).toBe(false)
    expect(schema.safeParse({ id: 'w1', name: 'Work', role: 'owner' }).success).toBe(false)
  })

  it('documents a 2xx answer for every route it lists', () => {
    const undocumented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => {
          const success = Object.entries(operation.responses).filter(([s]) => /^2\d\d$/.test(s))
          // "Default Response" is what @fastify/swagger writes for a route that declares nothing.
          return !success.some(
            ([s, r]) => r.description !== 'Default Response' && (s === '204' || r.content),
          )
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(undocumented).toEqual([])
  })
})

describe('replies with a response schema', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await aServer()
  })
  afterAll(async () => {
    await server.close()
  })

  // serialize-json.ts: JSON.stringify's text, with characters above U+00FF (the CTO–CAIO dash)
  // escaped as \uXXXX; the UTF-8 bytes on the wire follow from that text.
  it('are JSON.stringify of the engine result, en dashes escaped (POST /api/v1/assess)', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: aProfile(),
    })
    const expected = JSON.stringify(assess(profileSchema.parse(aProfile()), testPlaybook()))
    expect(expected).toContain('CTO–CAIO')
    expect(response.body).toBe(expected.replaceAll('–', '\\u2013'))
  })

  it('are JSON.stringify of the view, en dashes escaped (GET an assessment)', async () => {
    const { app, store } = server
    const owner = await aUser(store, 'bytes@example.com')
    const ws = await store.workspaces.create({ userId: owner.id }, { name: 'Bytes' })
    const profile = profileSchema.parse(aProfile())
    const org = await store.organizations.create({ userId: owner.id }, ws.id, { profile })
    const record = await store.assessments.create({ userId: owner.id }, ws.id, {
      organizationId: org.id,
      profileVersion: 1,
      result: assess(profile, testPlaybook()),
    })
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws.id}/assessments/${record.id}`,
      headers: { authorization: owner.bearer },
    })
    const stored = await store.assessments.get(ws.id, record.id)
    expect(stored).not.toBeNull()
    expect(response.body).toBe(JSON.stringify(assessmentView(stored!)).replaceAll('–', '\\u2013'))
  })
})

function resolveRefs(schema: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolveRefs(item, components))
  if (schema === null || typeof schema !== 'object') return schema
  const ref = (schema as { $ref?: unknown }).$ref
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return resolveRefs(components[ref.slice('#/components/schemas/'.length)], components)
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolveRefs(value, components)]),
  )
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
