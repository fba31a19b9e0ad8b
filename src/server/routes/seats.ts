import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { seatsSchema, signalAcknowledgementSchema } from '../operations/requests.js'
import {
  seatsView,
  seatsViewSchema,
  signalAcknowledgementView,
  signalAcknowledgementViewSchema,
} from '../operations/views.js'
import { requireMember, requireOrganization } from './initiatives.js'
import { actorOf, id } from './workspaces.js'

const orgParams = z.strictObject({ ws: id, org: id })

/** Who fills which seat (operate.md §1 "Seats and people"), and acknowledged signals (§3). */
export function seatRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/seats',
    summary: 'The organization’s seat assignments',
    tags: ['register'],
    params: orgParams,
    response: { 200: seatsViewSchema },
    handler: async ({ params }) => {
      await requireOrganization(store, params.ws, params.org)
      return seatsView(await store.seats.get(params.ws, params.org))
    },
  })

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/workspaces/:ws/organizations/:org/seats',
    summary:
      'Replace the seat assignments {seat, memberId, role: holder | delegate, from, to?}; with `expectedVersion`, a stale writer gets 409',
    tags: ['register'],
    params: orgParams,
    body: seatsSchema,
    response: { 200: seatsViewSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      await requireOrganization(store, params.ws, params.org)
      for (const [index, assignment] of body.assignments.entries()) {
        await requireMember(store, params.ws, assignment.memberId, `assignments[${index}].memberId`)
      }
      const saved = await store.seats.replace(actorOf(auth), params.ws, params.org, {
        assignments: body.assignments.map((a) => ({
          seat: a.seat,
          memberId: a.memberId,
          role: a.role,
          from: a.from,
          to: a.to ?? null,
        })),
        ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
      })
      return seatsView(saved)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/signals/acknowledgements',
    summary:
      'Acknowledge a signal by its key until a day: it stays listed, marked acknowledged, until then',
    tags: ['signals'],
    params: orgParams,
    body: signalAcknowledgementSchema,
    response: { 201: signalAcknowledgementViewSchema },
    handler: async ({ auth, params, body, reply }) => {
      const saved = await store.signalAcknowledgements.add(actorOf(auth), params.ws, params.org, {
        key: body.key,
        reason: body.reason,
        until: body.until,
      })
      return reply.status(201).send(signalAcknowledgementView(saved))
    },
  })
}
