import type { z } from 'zod'

// What a route answers, per status (define-route.ts `response`). OpenAPI documents these, and every
// JSON reply but the assessment fast path is checked by its schema (reply-serializer.ts).

/** A body that is not JSON, or not only JSON: a schema per media type (text bodies: `z.string()`). */
export interface ContentResponse {
  readonly description: string
  readonly content: Readonly<Record<string, { readonly schema: z.ZodType }>>
}

/** An empty body (204). `type: 'null'` is how @fastify/swagger leaves `content` out. */
export interface NoContentResponse {
  readonly type: 'null'
  readonly description: string
}

export type ResponseSpec = z.ZodType | ContentResponse | NoContentResponse

export const NO_CONTENT: NoContentResponse = { type: 'null', description: 'No content' }

/** A response documented by media type, e.g. `{ 'text/csv': z.string() }`. */
export function contentResponse(
  description: string,
  schemas: Readonly<Record<string, z.ZodType>>,
): ContentResponse {
  return {
    description,
    content: Object.fromEntries(
      Object.entries(schemas).map(([mediaType, schema]) => [mediaType, { schema }]),
    ),
  }
}
