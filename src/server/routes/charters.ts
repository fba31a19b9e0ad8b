import type { FastifyInstance } from 'fastify'
import type { Charter } from '../../engine/types.js'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { checkCharterShape } from '../../engine/check-charter-shape.js'
import { validateCharter } from '../../engine/validate-charter.js'
import { CHARTER_GROUPS, CHARTER_ROW_IDS, STRUCTURES } from '../../engine/vocabulary.js'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { charterSchema as charterOutputSchema } from '../../engine/assessment-schema.js'
import { CHARTER_FORMATS, exportCharterAs } from '../reports.js'
import { contentResponse } from '../response-spec.js'
import { charterRecordSchema, charterVersionSchema } from '../view-schemas.js'
import { charterView } from '../views.js'
import { actorOf, id } from './workspaces.js'
import { problemFromIssue } from '../../contract/issue.js'
import { linkNext, pageOf, pageQuery } from '../page-query.js'

const charterParams = z.strictObject({ ws: id, id })
const cell = z.enum(['', 'R', 'A', 'C', 'I', 'A/R'])
export const charterSchema = z.strictObject({
  structure: z.enum(STRUCTURES),
  columns: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  rows: z
    .array(
      z.strictObject({
        id: z.enum(CHARTER_ROW_IDS),
        group: z.enum(CHARTER_GROUPS),
        label: z.string().trim().min(1).max(200),
        cells: z.record(z.string().max(100), cell),
      }),
    )
    .min(1)
    .max(100),
})

/** Editable, versioned charters; the rules of framework.md §6 hold on every save. */
export function charterRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/charters/:id',
    summary: 'One charter, current version',
    tags: ['charters'],
    params: charterParams,
    response: { 200: charterRecordSchema },
    handler: async ({ params }) => charterView(await getCharter(deps, params.ws, params.id)),
  })

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/workspaces/:ws/charters/:id',
    summary:
      'Save a new charter version; same structure, columns and rows as the first; each row needs one A and an R, each seat an A',
    tags: ['charters'],
    params: charterParams,
    body: z.strictObject({ charter: charterSchema, expectedVersion: z.number().int().min(1) }),
    response: { 200: charterRecordSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      const charter: Charter = body.charter
      // A version edits who does what, not what the charter is about: compare with the first one.
      const [first] = (await store.charters.versions(params.ws, params.id, { limit: 1 })).items
      if (!first) throw new NotFoundError('charter', params.id)
      const issues = [...checkCharterShape(first.charter, charter), ...validateCharter(charter)]
      if (issues.length > 0) {
        throw new InvalidInputError(
          'the charter breaks the charter rules',
          issues.map((issue) => problemFromIssue(issue, { at: ['charter'] })),
        )
      }
      const saved = await store.charters.update(actorOf(auth), params.ws, params.id, {
        charter,
        expectedVersion: body.expectedVersion,
      })
      return charterView(saved)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/charters/:id/versions',
    summary: 'Versions of the charter, oldest first, a page at a time (Link rel="next")',
    tags: ['charters'],
    params: charterParams,
    query: z.strictObject(pageQuery(100, 500)),
    response: { 200: z.array(charterVersionSchema) },
    handler: async ({ params, query, request, reply }) => {
      await getCharter(deps, params.ws, params.id)
      const page = await store.charters.versions(params.ws, params.id, pageOf(query))
      linkNext(request, reply, page.nextCursor)
      return page.items.map((v) => ({
        version: v.version,
        charter: v.charter,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
      }))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/charters/:id/export',
    summary: 'The charter as CSV, Markdown or JSON',
    tags: ['charters'],
    params: charterParams,
    query: z.strictObject({ format: z.enum(CHARTER_FORMATS).default('csv') }),
    response: {
      200: contentResponse('The charter as a file to download (content-disposition: attachment)', {
        'text/csv': z.string(),
        'text/markdown': z.string(),
        'application/json': charterOutputSchema,
      }),
    },
    handler: async ({ params, query, reply }) => {
      const record = await getCharter(deps, params.ws, params.id)
      const file = exportCharterAs(record.charter, query.format)
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="charter-${record.id}.${file.extension}"`,
        )
        .send(file.body)
    },
  })
}

async function getCharter(deps: RouteDeps, workspaceId: string, charterId: string) {
  const record = await deps.store.charters.get(workspaceId, charterId)
  if (!record) throw new NotFoundError('charter', charterId)
  return record
}
