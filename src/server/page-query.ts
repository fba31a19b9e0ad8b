import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

/**
 * The query of a paged list: `limit` rows after the cursor `after` (the previous page's next
 * cursor). Lists answered as a bare array (versions, assessments, import errors) name the next page
 * in a `Link: <…>; rel="next"` header, so their body stays what clients already read.
 */
export function pageQuery(fallback: number, max: number) {
  return {
    limit: z.coerce.number().int().min(1).max(max).default(fallback),
    after: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe(
        'the previous page\'s next cursor (the `Link` header\'s rel="next", or nextCursor)',
      ),
  }
}

/** `{ limit, after }` for the store, leaving `after` out when absent. */
export function pageOf(query: { limit: number; after?: string | undefined }): {
  limit: number
  after?: string
} {
  return query.after === undefined
    ? { limit: query.limit }
    : { limit: query.limit, after: query.after }
}

/** Sets `Link: <this URL with after=cursor>; rel="next"` when another page follows. */
export function linkNext(request: FastifyRequest, reply: FastifyReply, next: string | null): void {
  if (next === null) return
  const url = new URL(request.url, 'http://localhost')
  url.searchParams.set('after', next)
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`)
}
