import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CalendarEvent } from '../../report/render-ics.js'
import type { Audience, MeetingRecord } from '../../store/operations-records.js'
import type { Store } from '../../store/store.js'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { renderIcs } from '../../report/render-ics.js'
import { hashSecret, newSecret } from '../auth/secrets.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { contentResponse, NO_CONTENT } from '../response-spec.js'
import { calendarFeedView, calendarFeedViewSchema } from '../operations/views.js'
import { requireOrganization } from './initiatives.js'
import { requireUser } from './auth.js'
import { actorOf, id } from './workspaces.js'

// Calendar feeds (operate.md §4): an organization's alignment meetings and decision due dates, and a
// member's across every organization they hold a seat in, as iCalendar behind secret URLs. Only a
// hash of each URL's secret is stored; revoking a feed makes its URL answer 404 at once.

const ORG_PREFIX = 'tco_'
const MEMBER_PREFIX = 'tcm_'
const orgParams = z.strictObject({ ws: id, org: id })
const feedParams = z.strictObject({ ws: id, org: id, id })
const SECRET = /^(tco_|tcm_)[A-Za-z0-9_-]{43}\.ics$/

export function calendarRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/calendar-feeds',
    summary: 'The organization’s calendar feeds (their URLs are shown only when created)',
    tags: ['calendar'],
    params: orgParams,
    response: { 200: z.array(calendarFeedViewSchema) },
    handler: async ({ params }) => {
      await requireOrganization(store, params.ws, params.org)
      return (await store.calendarFeeds.list(params.ws, params.org)).map((f) => calendarFeedView(f))
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/calendar-feeds',
    summary: 'Create a secret calendar (.ics) URL for the organization; the URL is shown once',
    tags: ['calendar'],
    params: orgParams,
    body: z.strictObject({ audience: z.enum(['client', 'internal']).default('client') }),
    response: { 201: calendarFeedViewSchema },
    handler: async ({ auth, params, body, request, reply }) => {
      const secret = newSecret(ORG_PREFIX)
      const feed = await store.calendarFeeds.create(actorOf(auth), params.ws, params.org, {
        secretHash: hashSecret(secret),
        audience: body.audience,
      })
      return reply.status(201).send(calendarFeedView(feed, feedUrl(deps, request, secret)))
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/workspaces/:ws/organizations/:org/calendar-feeds/:id',
    summary: 'Revoke a calendar feed: its URL stops answering at once',
    tags: ['calendar'],
    params: feedParams,
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, reply }) => {
      await store.calendarFeeds.revoke(actorOf(auth), params.ws, params.org, params.id)
      return reply.status(204).send()
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/calendar-feeds',
    summary: 'Your personal calendar feeds',
    tags: ['calendar'],
    response: { 200: z.array(calendarFeedViewSchema) },
    handler: async ({ auth }) =>
      (await store.calendarFeeds.listForMember(requireUser(auth.user).id)).map((f) =>
        calendarFeedView(f),
      ),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/calendar-feeds',
    summary:
      'Create your personal calendar (.ics) URL: the meetings and decisions of every organization where you hold a seat',
    tags: ['calendar'],
    response: { 201: calendarFeedViewSchema },
    handler: async ({ auth, request, reply }) => {
      const secret = newSecret(MEMBER_PREFIX)
      const feed = await store.calendarFeeds.createForMember(requireUser(auth.user).id, {
        secretHash: hashSecret(secret),
      })
      return reply.status(201).send(calendarFeedView(feed, feedUrl(deps, request, secret)))
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/calendar-feeds/:id',
    summary: 'Revoke one of your calendar feeds',
    tags: ['calendar'],
    params: z.strictObject({ id }),
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, reply }) => {
      await store.calendarFeeds.revokeForMember(requireUser(auth.user).id, params.id)
      return reply.status(204).send()
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/calendar/:feed',
    summary: 'A calendar feed (text/calendar), by its secret URL; no other credentials',
    tags: ['calendar'],
    params: z.strictObject({ feed: z.string().max(100) }),
    response: {
      200: contentResponse('An iCalendar document (RFC 5545)', { 'text/calendar': z.string() }),
      404: errorBodySchema,
    },
    handler: async ({ params, reply }) => {
      if (!SECRET.test(params.feed)) throw new NotFoundError('calendar feed', 'requested')
      const secret = params.feed.slice(0, -'.ics'.length)
      const hash = hashSecret(secret)
      const generatedAt = deps.now().toISOString()
      let events: CalendarEvent[]
      let name: string
      if (secret.startsWith(ORG_PREFIX)) {
        const feed = await store.calendarFeeds.findByHash(hash)
        if (!feed) throw new NotFoundError('calendar feed', 'requested')
        const organization = await store.organizations.get(feed.workspaceId, feed.organizationId)
        if (!organization) throw new NotFoundError('calendar feed', 'requested')
        name = `${organization.name} — Tandem`
        events = eventsOf(
          organization.name,
          await store.meetings.listAll(feed.workspaceId, feed.organizationId),
          feed.audience,
        )
      } else {
        const feed = await store.calendarFeeds.findMemberFeedByHash(hash)
        if (!feed) throw new NotFoundError('calendar feed', 'requested')
        name = 'My Tandem meetings and decisions'
        events = await memberEvents(store, feed.userId)
      }
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderIcs({ name, events, generatedAt }))
    },
  })
}

function feedUrl(deps: RouteDeps, request: FastifyRequest, secret: string): string {
  const origin = deps.config.publicOrigin ?? `${request.protocol}://${request.host}`
  return `${origin}/api/v1/calendar/${secret}.ics`
}

/** Alignment meetings (cancelled ones as cancelled) and open decisions' due dates. */
export function eventsOf(
  organization: string,
  meetings: readonly MeetingRecord[],
  audience: Audience,
): CalendarEvent[] {
  const events: CalendarEvent[] = []
  for (const meeting of meetings) {
    if (meeting.archived) continue
    const notes =
      audience === 'internal' || meeting.notesVisibility === 'client' ? meeting.notes : ''
    const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.text}`).join('\n')
    events.push({
      uid: `meeting-${meeting.id}@tandem`,
      summary: `${organization}: ${meeting.kind === 'alignment' ? 'alignment meeting' : meeting.kind}`,
      description: [agenda && `Agenda:\n${agenda}`, notes].filter(Boolean).join('\n\n'),
      date: meeting.date,
      ...(meeting.startTime
        ? { start: meeting.startTime, timeZone: meeting.timeZone ?? 'UTC' }
        : {}),
      status:
        meeting.status === 'cancelled'
          ? 'CANCELLED'
          : meeting.status === 'held'
            ? 'CONFIRMED'
            : 'TENTATIVE',
    })
    for (const decision of meeting.decisions) {
      if (decision.archived || decision.status !== 'open' || decision.due === null) continue
      if (audience === 'client' && decision.visibility === 'internal') continue
      events.push({
        uid: `decision-${decision.id}@tandem`,
        summary: `${organization}: due — ${decision.text}`,
        ...(decision.owner ? { description: `Owner: ${decision.owner.seat}` } : {}),
        date: decision.due,
      })
    }
  }
  return events
}

/** The events of every organization where the member holds a seat today, in workspaces they are in. */
async function memberEvents(store: Store, userId: string): Promise<CalendarEvent[]> {
  const seats = await store.seats.forMember(userId)
  const seen = new Set<string>()
  const events: CalendarEvent[] = []
  for (const seat of seats) {
    const key = `${seat.workspaceId}/${seat.organizationId}`
    if (seen.has(key)) continue
    seen.add(key)
    // Membership is checked on every read: a member removed from a workspace drops out at once.
    if ((await store.members.role(seat.workspaceId, userId)) === null) continue
    const organization = await store.organizations.get(seat.workspaceId, seat.organizationId)
    if (!organization) continue
    events.push(
      ...eventsOf(
        organization.name,
        await store.meetings.listAll(seat.workspaceId, seat.organizationId),
        'client',
      ),
    )
  }
  return events
}
