import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { daySchema } from '../../engine/operations/operations-schema.js'
import { generateAgenda, signals } from '../../engine/operations/index.js'
import { defineRoute } from '../define-route.js'
import { loadOperations } from '../operations/load-operations.js'
import { id } from './workspaces.js'

const orgParams = z.strictObject({ ws: id, org: id })

export const signalSchema = z.strictObject({
  key: z.string(),
  id: z.string(),
  subject: z.strictObject({
    kind: z.enum(['organization', 'initiative', 'decision']),
    id: z.string().nullable(),
  }),
  title: z.string(),
  antiPattern: z.string(),
  severity: z.enum(['critical', 'warning']),
  evidence: z.array(
    z.strictObject({
      note: z.string(),
      initiative: z.string().optional(),
      meeting: z.string().optional(),
      decision: z.string().optional(),
    }),
  ),
  passage: z.string(),
  remedy: z.string(),
  acknowledged: z
    .strictObject({ reason: z.string(), until: z.string(), by: z.string() })
    .optional(),
})

export const signalsResultSchema = z.strictObject({
  asOf: z.string(),
  playbook: z.strictObject({ id: z.string(), version: z.string() }),
  signals: z.array(signalSchema),
})

export const agendaSchema = z.strictObject({
  asOf: z.string(),
  items: z.array(
    z.strictObject({
      kind: z.string(),
      text: z.string(),
      initiative: z.string().optional(),
      decision: z.string().optional(),
    }),
  ),
})

/** Live signals (operate.md §3), computed by the engine from the register and the meetings. */
export function signalRoutes(app: FastifyInstance, deps: RouteDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/signals',
    summary: 'The organization’s signals as of today (`?asOf=YYYY-MM-DD` for another day)',
    tags: ['signals'],
    params: orgParams,
    query: z.strictObject({ asOf: daySchema.optional() }),
    response: { 200: signalsResultSchema },
    handler: async ({ params, query }) => {
      const { operations } = await loadOperations(deps.store, params.ws, params.org)
      const asOf = query.asOf ?? deps.now().toISOString().slice(0, 10)
      return signals(operations, deps.playbook, asOf)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/agenda',
    summary:
      'The generated agenda of the next meeting: overdue decisions, disagreeing lenses, awaited reviews, due gates, stalled pilots, unmeasured production, a handoff-zone topic',
    tags: ['meetings'],
    params: orgParams,
    query: z.strictObject({ asOf: daySchema.optional() }),
    response: { 200: agendaSchema },
    handler: async ({ params, query }) => {
      const { operations } = await loadOperations(deps.store, params.ws, params.org)
      const asOf = query.asOf ?? deps.now().toISOString().slice(0, 10)
      return generateAgenda(operations, deps.playbook, asOf)
    },
  })
}
