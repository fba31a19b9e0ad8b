import type { FastifyInstance } from 'fastify'
import type { Initiative } from '../../engine/operations/index.js'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { actsFor, GATE_ITEM_LENS, lensSeat, planMove } from '../../engine/operations/index.js'
import { MoveRefusedError } from '../../errors/move-refused-error.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { loadOrganizationContext } from '../operations/load-operations.js'
import { gateAcknowledgementSchema, reviewSchema, stageMoveSchema } from '../operations/requests.js'
import { actingSeat, seatAccess } from '../operations/seat-access.js'
import { initiativeOf } from '../operations/to-engine.js'
import { initiativeSchema, initiativeView } from '../operations/views.js'
import { requireUser } from './auth.js'
import { getInitiative, requireOrganization } from './initiatives.js'
import { actorOf, id, workspaceOf } from './workspaces.js'

const initiativeParams = z.strictObject({ ws: id, id })

/**
 * What members do acting for a seat (operate.md §1): review a lens, move a stage through its gate
 * (or force it, as the owner seat), acknowledge the items of their lens a forced move skips. The
 * rules are the engine's (`planMove`, `checkGate`, `lensSeat`); this file only finds the seat.
 */
export function initiativeActionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps

  async function context(
    ws: string,
    initiativeId: string,
    userId: string,
    role: Parameters<typeof seatAccess>[2],
  ) {
    const detail = await getInitiative(store, ws, initiativeId)
    const organization = await requireOrganization(store, ws, detail.organizationId)
    const operationsOrganization = await loadOrganizationContext(store, ws, organization)
    const day = deps.now().toISOString().slice(0, 10)
    const seats = await store.seats.get(ws, detail.organizationId)
    return {
      detail,
      organization: operationsOrganization,
      access: seatAccess(seats.assignments, userId, role, day),
    }
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/initiatives/:id/reviews',
    summary:
      'Review a lens, acting for its seat: CTO {build, scale, secure}, CAIO {should, value, measure}',
    tags: ['register'],
    params: initiativeParams,
    body: reviewSchema,
    response: { 201: initiativeSchema },
    handler: async ({ auth, params, body, reply }) => {
      const user = requireUser(auth.user)
      const { detail, organization, access } = await context(
        params.ws,
        params.id,
        user.id,
        workspaceOf(auth).role,
      )
      const needed = lensSeat(organization, body.lens)
      const seat = actingSeat(access, needed, body.seat, `the ${body.lens.toUpperCase()} lens`)
      const { lens, ...rest } = body
      const answers = Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'seat'))
      const saved = await store.initiatives.addReview(actorOf(auth), params.ws, detail.id, {
        lens,
        by: { seat, memberId: user.id },
        review: { visibility: 'client', ...answers },
      })
      return reply.status(201).send(initiativeView(saved))
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/initiatives/:id/stage',
    summary:
      'Move the initiative to another stage through its gate; a refused move answers 422 GATE_NOT_MET naming each missing item; the owner seat may force with a reason',
    tags: ['register'],
    params: initiativeParams,
    body: stageMoveSchema,
    response: { 200: initiativeSchema, 409: errorBodySchema, 422: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      const user = requireUser(auth.user)
      const { detail, organization, access } = await context(
        params.ws,
        params.id,
        user.id,
        workspaceOf(auth).role,
      )
      // The mover acts for a seat of theirs (the owner's when they hold it); whether that seat may
      // force past a gate is the engine's rule (planMove), not this one.
      const owner = detail.owner?.seat ?? 'CTO'
      const seat = actingSeat(
        access,
        body.seat ??
          (access.anySeat
            ? owner
            : (access.seats.find((s) => actsFor(s, owner)) ?? access.seats[0] ?? owner)),
        body.seat,
        'moving an initiative',
      )
      const initiative: Initiative = initiativeOf(detail)
      const since = detail.history[detail.history.length - 1]?.at ?? ''
      const acknowledgedBy = detail.acknowledgements
        .filter((a) => a.to === body.to && a.at >= since)
        .map((a) => ({ seat: a.seat, memberId: a.memberId }))
      const plan = planMove(
        initiative,
        {
          to: body.to,
          reason: body.reason,
          force: body.force,
          acknowledgedBy,
        },
        { seat, memberId: user.id },
        deps.now().toISOString(),
        { organization, playbook: deps.playbook },
      )
      if (!plan.ok) {
        throw new MoveRefusedError(
          plan.error.code,
          plan.error.message,
          plan.error.issues.map((issue) => ({
            field: issue.path.join('.'),
            message: issue.message,
          })),
        )
      }
      const saved = await store.initiatives.move(actorOf(auth), params.ws, detail.id, {
        to: body.to,
        reason: plan.value.reason ?? null,
        by: { seat, memberId: user.id },
        skipped: plan.value.skipped,
        expectedVersion: body.expectedVersion ?? detail.version,
      })
      return initiativeView(saved)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/initiatives/:id/gate-acknowledgements',
    summary:
      'Acknowledge, for your lens’s seat, gate items the owner seat may then force a move past',
    tags: ['register'],
    params: initiativeParams,
    body: gateAcknowledgementSchema,
    response: { 201: initiativeSchema },
    handler: async ({ auth, params, body, reply }) => {
      const user = requireUser(auth.user)
      const { detail, organization, access } = await context(
        params.ws,
        params.id,
        user.id,
        workspaceOf(auth).role,
      )
      const needed = [
        ...new Set(body.items.map((item) => lensSeat(organization, GATE_ITEM_LENS[item]))),
      ]
      let seat = body.seat
      for (const one of needed) seat = actingSeat(access, one, seat, `acknowledging ${one} items`)
      const saved = await store.initiatives.acknowledgeGate(actorOf(auth), params.ws, detail.id, {
        to: body.to,
        items: body.items,
        note: body.note ?? null,
        by: { seat: seat ?? needed[0] ?? 'CTO', memberId: user.id },
      })
      return reply.status(201).send(initiativeView(saved))
    },
  })
}
