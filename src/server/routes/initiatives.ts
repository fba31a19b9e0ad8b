import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import type { Store } from '../../store/store.js'
import { z } from 'zod'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { defineRoute } from '../define-route.js'
import { contentResponse } from '../response-spec.js'
import { IMPORT_COLUMNS, initiativesCsv, readInitiativesCsv } from '../operations/initiative-csv.js'
import { errorBodySchema } from '../error-responses.js'
import {
  initiativeCreateSchema,
  initiativeListQuery,
  initiativePatchSchema,
  measurementCreateSchema,
  withoutUndefined,
} from '../operations/requests.js'
import {
  initiativeSchema,
  initiativeSummarySchema,
  initiativeSummaryView,
  initiativeView,
  pageSchema,
} from '../operations/views.js'
import { actorOf, id } from './workspaces.js'

const orgParams = z.strictObject({ ws: id, org: id })
const csvImportResultSchema = z.strictObject({
  created: z.number().int(),
  refused: z.number().int(),
  ids: z.array(z.string()),
  errors: z.array(
    z.strictObject({ row: z.number().int(), field: z.string(), message: z.string() }),
  ),
})
const initiativeParams = z.strictObject({ ws: id, id })

/** The AI initiative register (operate.md §1): list, create, read with history, edit, measure. */
export function initiativeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/initiatives',
    summary:
      'The organization’s initiatives in creation order, a page at a time (filter by stage, owner seat)',
    tags: ['register'],
    params: orgParams,
    query: initiativeListQuery,
    response: { 200: pageSchema(initiativeSummarySchema) },
    handler: async ({ params, query }) => {
      await requireOrganization(store, params.ws, params.org)
      const page = await store.initiatives.list(params.ws, params.org, {
        ...(query.stage ? { stage: query.stage } : {}),
        ...(query.owner ? { ownerSeat: query.owner } : {}),
        includeArchived: query.archived === 'true',
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.after ? { after: query.after } : {}),
      })
      return { items: page.items.map(initiativeSummaryView), nextCursor: page.nextCursor }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/initiatives',
    summary: 'Add an initiative to the register; it starts at idea',
    tags: ['register'],
    params: orgParams,
    body: initiativeCreateSchema,
    response: { 201: initiativeSchema },
    handler: async ({ auth, params, body, reply }) => {
      await requireMember(store, params.ws, body.owner?.memberId, 'owner.memberId')
      const created = await store.initiatives.create(actorOf(auth), params.ws, params.org, {
        title: body.title,
        ...(body.summary !== undefined ? { summary: body.summary } : {}),
        ...(body.functions ? { functions: body.functions } : {}),
        ...(body.useCase ? { useCase: body.useCase } : {}),
        ...(body.compliance ? { compliance: body.compliance } : {}),
        ...(body.reviewBy ? { reviewBy: body.reviewBy } : {}),
        ...(body.visibility ? { visibility: body.visibility } : {}),
        owner: body.owner ? { seat: body.owner.seat, memberId: body.owner.memberId ?? null } : null,
      })
      return reply.status(201).send(initiativeView(created))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/initiatives/export',
    summary:
      'The register as CSV, one row per initiative with flattened lens, metric and measurement columns (audience client leaves internal initiatives out)',
    tags: ['register'],
    params: orgParams,
    query: z.strictObject({ audience: z.enum(['client', 'internal']).default('client') }),
    response: {
      200: contentResponse('The register as CSV (content-disposition: attachment)', {
        'text/csv': z.string(),
      }),
    },
    handler: async ({ params, query, reply }) => {
      await requireOrganization(store, params.ws, params.org)
      const initiatives = (await store.initiatives.listDetailed(params.ws, params.org)).filter(
        (i) => query.audience === 'internal' || i.visibility === 'client',
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="initiatives-${params.org}.csv"`)
        .send(initiativesCsv(initiatives))
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/initiatives/import',
    summary: `Add initiatives from CSV (columns ${IMPORT_COLUMNS.join(', ')}); bad rows are named by row and field, valid rows are kept; a later stage is recorded as imported`,
    tags: ['register'],
    params: orgParams,
    rawBody: { contentTypes: ['text/csv'], limit: 2 * 1024 * 1024 },
    response: { 200: csvImportResultSchema },
    handler: async ({ auth, params, request }) => {
      await requireOrganization(store, params.ws, params.org)
      const { rows, problems } = readInitiativesCsv(String(request.body))
      const errors = problems.map((p) => ({
        row: p.row ?? 0,
        field: p.field ?? '',
        message: p.message,
      }))
      const created: string[] = []
      for (const { row, input } of rows) {
        const memberId = input.owner?.memberId
        if (memberId && (await store.members.role(params.ws, memberId)) === null) {
          errors.push({ row, field: 'owner_member_id', message: 'not a member of this workspace' })
          continue
        }
        const initiative = await store.initiatives.create(
          actorOf(auth),
          params.ws,
          params.org,
          input,
        )
        created.push(initiative.id)
      }
      errors.sort((a, b) => a.row - b.row)
      return {
        created: created.length,
        refused: new Set(errors.map((e) => e.row)).size,
        ids: created,
        errors,
      }
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/initiatives/:id',
    summary: 'One initiative with its stage history, lens reviews, measurements and gate overrides',
    tags: ['register'],
    params: initiativeParams,
    response: { 200: initiativeSchema },
    handler: async ({ params }) => initiativeView(await getInitiative(store, params.ws, params.id)),
  })

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/workspaces/:ws/initiatives/:id',
    summary:
      'Edit an initiative (title, summary, functions, owner, use case, compliance, archive); stages move through …/stage',
    tags: ['register'],
    params: initiativeParams,
    body: initiativePatchSchema,
    response: { 200: initiativeSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      const { expectedVersion, owner, ...rest } = body
      await requireMember(store, params.ws, owner?.memberId, 'owner.memberId')
      const patch = {
        ...withoutUndefined(rest),
        ...(owner === undefined
          ? {}
          : {
              owner: owner === null ? null : { seat: owner.seat, memberId: owner.memberId ?? null },
            }),
      }
      const saved = await store.initiatives.update(actorOf(auth), params.ws, params.id, {
        patch,
        expectedVersion,
      })
      return initiativeView(saved)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/initiatives/:id/measurements',
    summary: 'Add a measurement of the initiative’s metric',
    tags: ['register'],
    params: initiativeParams,
    body: measurementCreateSchema,
    response: { 201: initiativeSchema },
    handler: async ({ auth, params, body, reply }) => {
      const saved = await store.initiatives.addMeasurement(actorOf(auth), params.ws, params.id, {
        at: body.at,
        value: body.value,
        note: body.note ?? null,
        ...(body.visibility ? { visibility: body.visibility } : {}),
      })
      return reply.status(201).send(initiativeView(saved))
    },
  })
}

export async function getInitiative(store: Store, workspaceId: string, initiativeId: string) {
  const initiative = await store.initiatives.get(workspaceId, initiativeId)
  if (!initiative) throw new NotFoundError('initiative', initiativeId)
  return initiative
}

export async function requireOrganization(
  store: Store,
  workspaceId: string,
  organizationId: string,
) {
  const organization = await store.organizations.get(workspaceId, organizationId)
  if (!organization) throw new NotFoundError('organization', organizationId)
  return organization
}

/** A member id named in a body must be a member of the workspace. */
export async function requireMember(
  store: Store,
  workspaceId: string,
  memberId: string | undefined,
  field: string,
): Promise<void> {
  if (memberId === undefined) return
  if ((await store.members.role(workspaceId, memberId)) === null) {
    throw new InvalidInputError('not a member of this workspace', [
      { field, message: 'expected the user id of a member of this workspace' },
    ])
  }
}
