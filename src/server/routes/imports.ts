import type { FastifyInstance } from 'fastify'
import type { ImportWorker } from '../import-worker.js'
import type { RouteDeps } from '../route-deps.js'
import { Readable } from 'node:stream'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { UnsupportedMediaTypeError } from '../../errors/unsupported-media-type-error.js'
import { readProfiles } from '../../io/read-profiles.js'
import { defineRoute } from '../define-route.js'
import { IMPORT_MEDIA_TYPES } from '../import-worker.js'
import { importJobSchema, importRowErrorSchema } from '../view-schemas.js'
import { importView } from '../views.js'
import { actorOf, id } from './workspaces.js'
import { linkNext, pageOf, pageQuery } from '../page-query.js'

const importParams = z.strictObject({ ws: id, id })

/** Batch imports of profiles (CSV, NDJSON, YAML), processed as jobs. */
export function importRoutes(app: FastifyInstance, deps: RouteDeps, worker: ImportWorker): void {
  const { store } = deps
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/imports',
    summary: 'Upload profiles as CSV, NDJSON or YAML; they are imported by a job (202)',
    tags: ['imports'],
    params: z.strictObject({ ws: id }),
    rawBody: { contentTypes: Object.keys(IMPORT_MEDIA_TYPES), limit: deps.config.importLimit },
    response: { 202: importJobSchema },
    handler: async ({ auth, params, request, reply }) => {
      const payload = request.body
      const mediaType =
        (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const format = IMPORT_MEDIA_TYPES[mediaType]
      if (typeof payload !== 'string' || !format) {
        throw new UnsupportedMediaTypeError(mediaType, Object.keys(IMPORT_MEDIA_TYPES))
      }
      const total = await countRecords(payload, format)
      const job = await store.imports.create(actorOf(auth), params.ws, {
        mediaType,
        payload,
        total,
      })
      worker.kick()
      return reply.status(202).send(importView(job))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/imports/:id',
    summary: 'Progress of an import job',
    tags: ['imports'],
    params: importParams,
    response: { 200: importJobSchema },
    handler: async ({ params }) => {
      const job = await store.imports.get(params.ws, params.id)
      if (!job) throw new NotFoundError('import', params.id)
      return importView(job)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/imports/:id/errors',
    summary: 'The refused rows of an import: row, field, message',
    tags: ['imports'],
    params: importParams,
    query: z.strictObject(pageQuery(500, 1000)),
    response: { 200: z.array(importRowErrorSchema) },
    handler: async ({ params, query, request, reply }) => {
      const page = await store.imports.errors(params.ws, params.id, pageOf(query))
      linkNext(request, reply, page.nextCursor)
      return page.items.map((e) => ({ row: e.row, field: e.field, message: e.message }))
    },
  })
}

/**
 * Counts the records up front so progress has a total. A fault of the file as a whole (unknown CSV
 * column, broken YAML stream) throws here, so the upload is refused with 400 before a job exists.
 */
async function countRecords(
  payload: string,
  format: NonNullable<(typeof IMPORT_MEDIA_TYPES)[string]>,
): Promise<number> {
  let total = 0
  const records = readProfiles(Readable.from([payload]), { format, source: 'upload' })
  for await (const record of records) total = record.index + 1
  return total
}
