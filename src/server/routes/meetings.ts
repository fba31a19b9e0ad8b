import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { DecisionInput, MeetingStatus } from '../../store/operations-records.js'
import type { RouteDeps } from '../route-deps.js'
import { z as zod } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import type { decisionCreateSchema } from '../operations/requests.js'
import {
  decisionPatchSchema,
  meetingCreateSchema,
  meetingListQuery,
  meetingPatchSchema,
  withoutUndefined,
} from '../operations/requests.js'
import {
  decisionSchema,
  decisionView,
  meetingSchema,
  meetingView,
  pageSchema,
} from '../operations/views.js'
import { requireMember, requireOrganization } from './initiatives.js'
import { actorOf, id } from './workspaces.js'

const orgParams = zod.strictObject({ ws: id, org: id })
const meetingParams = zod.strictObject({ ws: id, id })

/** Alignment meetings and their decisions (operate.md §2). */
export function meetingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  const today = () => deps.now().toISOString().slice(0, 10)

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/meetings',
    summary: 'The organization’s meetings, newest first, a page at a time',
    tags: ['meetings'],
    params: orgParams,
    query: meetingListQuery,
    response: { 200: pageSchema(meetingSchema) },
    handler: async ({ params, query }) => {
      await requireOrganization(store, params.ws, params.org)
      const page = await store.meetings.list(params.ws, params.org, {
        ...(query.status ? { status: query.status } : {}),
        includeArchived: query.archived === 'true',
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.after ? { after: query.after } : {}),
      })
      return { items: page.items.map(meetingView), nextCursor: page.nextCursor }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/meetings',
    summary:
      'Record a meeting with its attendees, agenda, decisions and notes; a date in the past defaults to held',
    tags: ['meetings'],
    params: orgParams,
    body: meetingCreateSchema,
    response: { 201: meetingSchema },
    handler: async ({ auth, params, body, reply }) => {
      await checkMembers(deps, params.ws, body)
      const status: MeetingStatus = body.status ?? (body.date <= today() ? 'held' : 'scheduled')
      const created = await store.meetings.create(actorOf(auth), params.ws, params.org, {
        date: body.date,
        status,
        ...(body.kind ? { kind: body.kind } : {}),
        ...(body.start ? { startTime: body.start } : {}),
        ...(body.attendees ? { attendees: body.attendees.map(seatRef) } : {}),
        ...(body.agenda ? { agenda: body.agenda } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        ...(body.notesVisibility ? { notesVisibility: body.notesVisibility } : {}),
        ...(body.decisions ? { decisions: body.decisions.map(decisionInput) } : {}),
      })
      return reply.status(201).send(meetingView(created))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/meetings/:id',
    summary: 'One meeting with its decisions',
    tags: ['meetings'],
    params: meetingParams,
    response: { 200: meetingSchema },
    handler: async ({ params }) => {
      const meeting = await store.meetings.get(params.ws, params.id)
      if (!meeting) throw new NotFoundError('meeting', params.id)
      return meetingView(meeting)
    },
  })

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/workspaces/:ws/meetings/:id',
    summary:
      'Edit a meeting (date, status, attendees, agenda, notes, archive); `decisions` adds new decisions',
    tags: ['meetings'],
    params: meetingParams,
    body: meetingPatchSchema,
    response: { 200: meetingSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      await checkMembers(deps, params.ws, body)
      const { expectedVersion, start, attendees, decisions, ...rest } = body
      const saved = await store.meetings.update(actorOf(auth), params.ws, params.id, {
        patch: {
          ...withoutUndefined(rest),
          ...(start !== undefined ? { startTime: start } : {}),
          ...(attendees ? { attendees: attendees.map(seatRef) } : {}),
          ...(decisions ? { decisions: decisions.map(decisionInput) } : {}),
        },
        expectedVersion,
      })
      return meetingView(saved)
    },
  })

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/workspaces/:ws/decisions/:id',
    summary: 'Edit a decision: close it (done, dropped), reassign it, move its due date',
    tags: ['meetings'],
    params: meetingParams,
    body: decisionPatchSchema,
    response: { 200: decisionSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      const { expectedVersion, owner, ...rest } = body
      await requireMember(store, params.ws, owner?.memberId, 'owner.memberId')
      const saved = await store.decisions.update(actorOf(auth), params.ws, params.id, {
        patch: {
          ...withoutUndefined(rest),
          ...(owner === undefined ? {} : { owner: owner === null ? null : seatRef(owner) }),
        },
        expectedVersion,
      })
      return decisionView(saved)
    },
  })
}

function seatRef(ref: { seat: string; memberId?: string | undefined }) {
  return { seat: ref.seat, memberId: ref.memberId ?? null }
}

export function decisionInput(decision: z.output<typeof decisionCreateSchema>): DecisionInput {
  return {
    text: decision.text,
    ...(decision.owner ? { owner: seatRef(decision.owner) } : {}),
    ...(decision.due ? { due: decision.due } : {}),
    ...(decision.initiatives ? { initiatives: decision.initiatives } : {}),
    ...(decision.stageMove
      ? {
          stageMove: {
            initiative: decision.stageMove.initiative,
            to: decision.stageMove.to,
            reason: decision.stageMove.reason ?? null,
          },
        }
      : {}),
    ...(decision.visibility ? { visibility: decision.visibility } : {}),
  }
}

/** Members named in attendees and decision owners must be members of the workspace. */
async function checkMembers(
  deps: RouteDeps,
  workspaceId: string,
  body: {
    attendees?: readonly { memberId?: string | undefined }[] | undefined
    decisions?: readonly { owner?: { memberId?: string | undefined } | undefined }[] | undefined
  },
): Promise<void> {
  for (const [index, attendee] of (body.attendees ?? []).entries()) {
    await requireMember(deps.store, workspaceId, attendee.memberId, `attendees[${index}].memberId`)
  }
  for (const [index, decision] of (body.decisions ?? []).entries()) {
    await requireMember(
      deps.store,
      workspaceId,
      decision.owner?.memberId,
      `decisions[${index}].owner.memberId`,
    )
  }
}
