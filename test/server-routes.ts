import type { FastifyInstance } from 'fastify'
import type { Charter } from '../src/engine/types.js'
import type { Store } from '../src/store/store.js'
import type { TestUser } from './server-harness.js'
import { readFileSync } from 'node:fs'
import { assess } from '../src/engine/assess.js'
import { profileSchema } from '../src/engine/profile-schema.js'
import { parseYaml } from '../src/io/parse-yaml.js'
import { hashSecret, newSecret } from '../src/server/auth/secrets.js'
import { aProfile, aUser, testPlaybook } from './server-harness.js'

// One request per protected route, built from the ids it needs. The tenancy sweep, the role matrix
// and the route inventory all use this table, and a test checks it covers every policy entry.

export interface Ids {
  readonly ws: string
  readonly org: string
  readonly assessment: string
  readonly charter: string
  readonly charterDoc: Charter
  readonly playbookId: string
  readonly importJob: string
  readonly memberUserId: string
  readonly tokenId: string
  readonly auditId: string
  readonly workspaceVersion: number
  /** An account that is in no workspace yet, for "add member". */
  readonly newMemberEmail: string
  /** A pending invitation and a pending password reset link of the workspace. */
  readonly invitationId: string
  readonly resetId: string
  readonly initiative: string
  readonly initiativeVersion: number
  readonly meeting: string
  readonly decision: string
  readonly calendarFeed: string
  readonly memberCalendarFeed: string
}

export interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly payload?: unknown
  readonly headers?: Record<string, string>
  /** Only a signed-in browser session may call the route (policy.ts SESSION_ONLY_ROUTES). */
  readonly sessionOnly?: true
}

/**
 * Sends a call through Fastify's inject: with an API token (a bearer string, or the user's
 * token), or, for a session-only route called as a user, with the user's session cookie.
 */
export function injectCall(app: FastifyInstance, call: Call, caller: string | TestUser) {
  const asSession = typeof caller !== 'string' && call.sessionOnly === true
  const credentials = asSession
    ? {
        headers: { origin: 'http://localhost:80', ...call.headers },
        cookies: { tandem_session: caller.session },
      }
    : {
        headers: {
          authorization: typeof caller === 'string' ? caller : caller.bearer,
          ...call.headers,
        },
      }
  return app.inject({
    method: call.method,
    url: call.url,
    ...credentials,
    ...(call.payload === undefined ? {} : { payload: call.payload as string }),
  })
}

const W = (ids: Ids) => `/api/v1/workspaces/${ids.ws}`

export const ROUTE_CALLS: Readonly<Record<string, (ids: Ids) => Call>> = {
  'POST /api/v1/auth/logout': () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
  'POST /api/v1/auth/password': () => ({
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword: 'not the password', newPassword: 'another long passphrase' },
  }),
  'GET /api/v1/me': () => ({ method: 'GET', url: '/api/v1/me' }),
  'GET /api/v1/tokens': () => ({ method: 'GET', url: '/api/v1/tokens' }),
  'POST /api/v1/tokens': () => ({
    method: 'POST',
    url: '/api/v1/tokens',
    payload: { name: 'sweep' },
  }),
  'DELETE /api/v1/tokens/:id': (ids) => ({
    method: 'DELETE',
    url: `/api/v1/tokens/${ids.tokenId}`,
  }),
  'GET /api/v1/workspaces': () => ({ method: 'GET', url: '/api/v1/workspaces' }),
  'POST /api/v1/workspaces': () => ({
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Fresh' },
  }),
  'POST /api/v1/workspaces/import': (ids) => ({
    method: 'POST',
    url: '/api/v1/workspaces/import',
    payload: {
      schema: 'tandem/workspace-export@1',
      exportedAt: '2026-01-01T00:00:00.000Z',
      workspace: { id: ids.ws, name: 'Imported' },
      organizations: [],
      assessments: [],
      charters: [],
      playbooks: [],
    },
  }),
  'GET /api/v1/workspaces/:ws': (ids) => ({ method: 'GET', url: W(ids) }),
  'PATCH /api/v1/workspaces/:ws': (ids) => ({
    method: 'PATCH',
    url: W(ids),
    payload: { name: 'Renamed', expectedVersion: ids.workspaceVersion },
  }),
  'GET /api/v1/workspaces/:ws/members': (ids) => ({ method: 'GET', url: `${W(ids)}/members` }),
  'POST /api/v1/workspaces/:ws/members': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/members`,
    payload: { email: ids.newMemberEmail, role: 'viewer' },
  }),
  'PATCH /api/v1/workspaces/:ws/members/:userId': (ids) => ({
    method: 'PATCH',
    url: `${W(ids)}/members/${ids.memberUserId}`,
    payload: { role: 'editor' },
  }),
  'DELETE /api/v1/workspaces/:ws/members/:userId': (ids) => ({
    method: 'DELETE',
    url: `${W(ids)}/members/${ids.memberUserId}`,
  }),
  'GET /api/v1/workspaces/:ws/invitations': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/invitations`,
  }),
  'POST /api/v1/workspaces/:ws/invitations': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/invitations`,
    payload: { email: `invitee-${ids.org.slice(0, 8)}@example.com`, role: 'viewer' },
  }),
  'DELETE /api/v1/workspaces/:ws/invitations/:id': (ids) => ({
    method: 'DELETE',
    url: `${W(ids)}/invitations/${ids.invitationId}`,
  }),
  'GET /api/v1/workspaces/:ws/password-resets': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/password-resets`,
  }),
  'POST /api/v1/workspaces/:ws/members/:userId/password-reset': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/members/${ids.memberUserId}/password-reset`,
    sessionOnly: true,
  }),
  'DELETE /api/v1/workspaces/:ws/password-resets/:id': (ids) => ({
    method: 'DELETE',
    url: `${W(ids)}/password-resets/${ids.resetId}`,
  }),
  'GET /api/v1/workspaces/:ws/organizations': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations?q=a&limit=10&offset=0`,
  }),
  'POST /api/v1/workspaces/:ws/organizations': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations`,
    payload: { profile: aProfile({ name: 'Created in sweep' }) },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}`,
  }),
  'PUT /api/v1/workspaces/:ws/organizations/:org/profile': (ids) => ({
    method: 'PUT',
    url: `${W(ids)}/organizations/${ids.org}/profile`,
    payload: { profile: aProfile({ name: 'Edited in sweep' }), expectedVersion: 1 },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/versions': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/versions`,
  }),
  'DELETE /api/v1/workspaces/:ws/organizations/:org': (ids) => ({
    method: 'DELETE',
    url: `${W(ids)}/organizations/${ids.org}`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/assessments': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/assessments`,
    payload: { profileVersion: 1, playbookId: ids.playbookId },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/assessments': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/assessments`,
  }),
  'GET /api/v1/workspaces/:ws/assessments/:id': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/assessments/${ids.assessment}`,
  }),
  'GET /api/v1/workspaces/:ws/assessments/:id/report': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/assessments/${ids.assessment}/report?format=html`,
  }),
  'GET /api/v1/workspaces/:ws/assessments/:id/briefs': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/assessments/${ids.assessment}/briefs?format=json`,
  }),
  'POST /api/v1/workspaces/:ws/assessments/:id/charter': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/assessments/${ids.assessment}/charter`,
  }),
  'GET /api/v1/workspaces/:ws/charters/:id': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/charters/${ids.charter}`,
  }),
  'PUT /api/v1/workspaces/:ws/charters/:id': (ids) => ({
    method: 'PUT',
    url: `${W(ids)}/charters/${ids.charter}`,
    payload: { charter: ids.charterDoc, expectedVersion: 1 },
  }),
  'GET /api/v1/workspaces/:ws/charters/:id/versions': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/charters/${ids.charter}/versions`,
  }),
  'GET /api/v1/workspaces/:ws/charters/:id/export': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/charters/${ids.charter}/export?format=json`,
  }),
  'GET /api/v1/workspaces/:ws/playbooks': (ids) => ({ method: 'GET', url: `${W(ids)}/playbooks` }),
  'POST /api/v1/workspaces/:ws/playbooks': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/playbooks`,
    payload: customPlaybook(`sweep-${ids.org.slice(0, 8)}`),
  }),
  'POST /api/v1/workspaces/:ws/imports': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/imports`,
    headers: { 'content-type': 'application/x-ndjson' },
    payload: `${JSON.stringify(aProfile({ name: 'Imported in sweep' }))}\n`,
  }),
  'GET /api/v1/workspaces/:ws/imports/:id': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/imports/${ids.importJob}`,
  }),
  'GET /api/v1/workspaces/:ws/imports/:id/errors': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/imports/${ids.importJob}/errors`,
  }),
  'GET /api/v1/workspaces/:ws/export': (ids) => ({ method: 'GET', url: `${W(ids)}/export` }),
  'GET /api/v1/workspaces/:ws/portfolio': (ids) => ({ method: 'GET', url: `${W(ids)}/portfolio` }),
  'GET /api/v1/workspaces/:ws/audit': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/audit?limit=50&before=${ids.auditId}`,
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/initiatives': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/initiatives?stage=idea&limit=10`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/initiatives': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/initiatives`,
    payload: { title: 'Created in sweep', owner: { seat: 'CAIO' } },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/initiatives/export': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/initiatives/export?audience=internal`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/initiatives/import': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/initiatives/import`,
    headers: { 'content-type': 'text/csv' },
    payload: 'title,stage\r\nImported in sweep,pilot\r\n',
  }),
  'GET /api/v1/workspaces/:ws/initiatives/:id': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/initiatives/${ids.initiative}`,
  }),
  'PATCH /api/v1/workspaces/:ws/initiatives/:id': (ids) => ({
    method: 'PATCH',
    url: `${W(ids)}/initiatives/${ids.initiative}`,
    payload: { title: 'Edited in sweep', expectedVersion: ids.initiativeVersion },
  }),
  'POST /api/v1/workspaces/:ws/initiatives/:id/reviews': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/initiatives/${ids.initiative}/reviews`,
    payload: { lens: 'cto', build: 'yes', scale: 'yes', secure: 'unsure' },
  }),
  'POST /api/v1/workspaces/:ws/initiatives/:id/stage': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/initiatives/${ids.initiative}/stage`,
    payload: { to: 'stopped', reason: 'sweep' },
  }),
  'POST /api/v1/workspaces/:ws/initiatives/:id/gate-acknowledgements': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/initiatives/${ids.initiative}/gate-acknowledgements`,
    payload: { to: 'pilot', items: ['cto-build-not-no'] },
  }),
  'POST /api/v1/workspaces/:ws/initiatives/:id/measurements': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/initiatives/${ids.initiative}/measurements`,
    payload: { at: '2026-01-01', value: 12 },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/meetings': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/meetings?limit=10`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/meetings': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/meetings`,
    payload: {
      date: '2026-01-05',
      attendees: [{ seat: 'CTO' }, { seat: 'CAIO' }],
      decisions: [{ text: 'Decided in sweep', initiatives: [ids.initiative] }],
    },
  }),
  'GET /api/v1/workspaces/:ws/meetings/:id': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/meetings/${ids.meeting}`,
  }),
  'PATCH /api/v1/workspaces/:ws/meetings/:id': (ids) => ({
    method: 'PATCH',
    url: `${W(ids)}/meetings/${ids.meeting}`,
    payload: { notes: 'Edited in sweep', expectedVersion: 1 },
  }),
  'PATCH /api/v1/workspaces/:ws/decisions/:id': (ids) => ({
    method: 'PATCH',
    url: `${W(ids)}/decisions/${ids.decision}`,
    payload: { status: 'done', expectedVersion: 1 },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/seats': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/seats`,
  }),
  'PUT /api/v1/workspaces/:ws/organizations/:org/seats': (ids) => ({
    method: 'PUT',
    url: `${W(ids)}/organizations/${ids.org}/seats`,
    payload: {
      assignments: [
        { seat: 'CTO', memberId: ids.memberUserId, role: 'holder', from: '2026-01-01' },
      ],
    },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/signals': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/signals?asOf=2026-06-01`,
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/agenda': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/agenda`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/signals/acknowledgements': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/signals/acknowledgements`,
    payload: { key: 'roi-theoretical:organization', reason: 'sweep', until: '2026-03-01' },
  }),
  'GET /api/v1/workspaces/:ws/organizations/:org/calendar-feeds': (ids) => ({
    method: 'GET',
    url: `${W(ids)}/organizations/${ids.org}/calendar-feeds`,
  }),
  'POST /api/v1/workspaces/:ws/organizations/:org/calendar-feeds': (ids) => ({
    method: 'POST',
    url: `${W(ids)}/organizations/${ids.org}/calendar-feeds`,
    payload: { audience: 'client' },
  }),
  'DELETE /api/v1/workspaces/:ws/organizations/:org/calendar-feeds/:id': (ids) => ({
    method: 'DELETE',
    url: `${W(ids)}/organizations/${ids.org}/calendar-feeds/${ids.calendarFeed}`,
  }),
  'GET /api/v1/me/items': () => ({ method: 'GET', url: '/api/v1/me/items' }),
  'GET /api/v1/me/calendar-feeds': () => ({ method: 'GET', url: '/api/v1/me/calendar-feeds' }),
  'POST /api/v1/me/calendar-feeds': () => ({ method: 'POST', url: '/api/v1/me/calendar-feeds' }),
  'DELETE /api/v1/me/calendar-feeds/:id': (ids) => ({
    method: 'DELETE',
    url: `/api/v1/me/calendar-feeds/${ids.memberCalendarFeed}`,
  }),
}

/** The default playbook document under another id, as a workspace would upload it. */
export function customPlaybook(id: string): Record<string, unknown> {
  const doc = parseYaml(readFileSync('playbooks/tandem-default.yaml', 'utf8'), 'default') as Record<
    string,
    unknown
  >
  return { ...doc, id, version: '1.0.0' }
}

/**
 * Seeds a workspace with one of everything (names carry `marker`) and returns its ids. Each call
 * creates new objects, so a destructive request can be given its own.
 */
export async function seedWorkspace(
  store: Store,
  owner: TestUser,
  ws: string,
  marker: string,
): Promise<Ids> {
  const actor = { userId: owner.id }
  const profile = profileSchema.parse(
    aProfile({ name: `${marker} Org`, employees: 150, engineers: 40 }),
  )
  const org = await store.organizations.create(actor, ws, { profile })
  const assessment = await store.assessments.create(actor, ws, {
    organizationId: org.id,
    profileVersion: 1,
    result: assess(profile, testPlaybook()),
  })
  const charter = await store.charters.create(actor, ws, {
    assessmentId: assessment.id,
    charter: assessment.result.charter,
  })
  const playbookId = `${marker.toLowerCase()}-playbook-${org.id.slice(0, 6)}`
  const document = customPlaybook(playbookId)
  await store.playbooks.create(actor, ws, {
    playbookId,
    version: '1.0.0',
    mediaType: 'application/json',
    source: JSON.stringify(document),
    document,
  })
  const job = await store.imports.create(actor, ws, {
    mediaType: 'application/x-ndjson',
    payload: `{"name":"${marker} import"}\n`,
    total: 1,
  })
  const member = await aUser(store, `member-${org.id.slice(0, 8)}@${marker.toLowerCase()}.example`)
  await store.members.add(actor, ws, { userId: member.id, role: 'viewer' })
  const newMember = await aUser(store, `new-${org.id.slice(0, 8)}@example.com`)
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
  const invitation = await store.invitations.create(actor, ws, {
    email: `invited-${org.id.slice(0, 8)}@${marker.toLowerCase()}.example`,
    role: 'editor',
    tokenHash: hashSecret(newSecret()),
    expiresAt,
  })
  const reset = await store.passwordResets.create(actor, ws, {
    userId: member.id,
    tokenHash: hashSecret(newSecret()),
    expiresAt,
  })
  const initiative = await store.initiatives.create(actor, ws, org.id, {
    title: `${marker} initiative`,
    owner: { seat: 'CAIO', memberId: null },
  })
  const meeting = await store.meetings.create(actor, ws, org.id, {
    date: '2026-01-05',
    status: 'held',
    notes: `${marker} notes`,
    decisions: [{ text: `${marker} decision`, initiatives: [initiative.id] }],
  })
  const feed = await store.calendarFeeds.create(actor, ws, org.id, {
    secretHash: `${marker}-${org.id}-feed`,
    audience: 'client',
  })
  const memberFeed = await store.calendarFeeds.createForMember(owner.id, {
    secretHash: `${marker}-${org.id}-member-feed`,
  })
  const [token] = await store.apiTokens.list(owner.id)
  const [audit] = await store.audit.list(ws, { limit: 1 })
  const workspace = await store.workspaces.get(ws)
  return {
    ws,
    org: org.id,
    assessment: assessment.id,
    charter: charter.id,
    charterDoc: charter.charter,
    playbookId,
    importJob: job.id,
    memberUserId: member.id,
    tokenId: token?.id ?? 'none',
    auditId: audit?.id ?? 'none',
    workspaceVersion: workspace?.version ?? 1,
    newMemberEmail: newMember.email,
    invitationId: invitation.id,
    resetId: reset.id,
    initiative: initiative.id,
    initiativeVersion: initiative.version,
    meeting: meeting.id,
    decision: meeting.decisions[0]?.id ?? 'none',
    calendarFeed: feed.id,
    memberCalendarFeed: memberFeed.id,
  }
}

/** Everything a workspace holds, for "unchanged" checks (export time stripped). */
export async function snapshot(store: Store, ws: string): Promise<string> {
  const data = { ...(await store.workspaces.export(ws)), exportedAt: null }
  const members = await store.members.list(ws)
  const audit = await store.audit.list(ws, { limit: 500 })
  const workspace = await store.workspaces.get(ws)
  const invitations = await store.invitations.listPending(ws)
  const resets = await store.passwordResets.listPending(ws)
  const operations = await Promise.all(
    data.organizations.map(async (organization) => ({
      initiatives: await store.initiatives.listDetailed(ws, organization.id),
      meetings: await store.meetings.listAll(ws, organization.id),
      seats: await store.seats.get(ws, organization.id),
      acknowledgements: await store.signalAcknowledgements.list(ws, organization.id),
      feeds: await store.calendarFeeds.list(ws, organization.id),
    })),
  )
  return JSON.stringify({
    data,
    members,
    audit: audit.length,
    workspace,
    operations,
    invitations,
    resets,
  })
}
