import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AuthContext } from './auth/auth-context.js'
import type { ResponseSpec } from './response-spec.js'
import { errorResponses } from './error-responses.js'

// Routes declare their inputs as zod schemas once: they validate the request (validator-compiler.ts)
// and describe it in OpenAPI (openapi.ts). Handlers receive the parsed, typed values. Responses are
// declared for OpenAPI only; the error statuses every route shares are added here.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type AnySchema = z.ZodType

export interface RouteInput<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  readonly auth: AuthContext
  readonly request: FastifyRequest
  readonly reply: FastifyReply
}

export interface RouteDefinition<
  PS extends AnySchema | undefined,
  QS extends AnySchema | undefined,
  BS extends AnySchema | undefined,
> {
  readonly method: Method
  readonly url: string
  readonly summary: string
  readonly tags?: readonly string[]
  readonly params?: PS
  readonly query?: QS
  readonly body?: BS
  /**
   * The longest string the JSON body may hold, when a field needs more than MAX_TEXT_LENGTH
   * (src/contract/text.ts): the workspace import carries whole playbook sources.
   */
  readonly maxTextLength?: number
  /** Content types accepted besides JSON; the body arrives as a string. */
  readonly rawBody?: { readonly contentTypes: readonly string[]; readonly limit: number }
  /** The success status(es) and any error status beyond the shared ones (error-responses.ts). */
  readonly response: Readonly<Record<number, ResponseSpec>>
  readonly handler: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown>
}

type Out<S> = S extends AnySchema ? z.output<S> : undefined

/** Registers one route with zod-validated params, query and body. */
export function defineRoute<
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
>(app: FastifyInstance, definition: RouteDefinition<PS, QS, BS>): void {
  app.route({
    method: definition.method,
    url: definition.url,
    ...(definition.rawBody ? { bodyLimit: definition.rawBody.limit } : {}),
    config: {
      rawContentTypes: definition.rawBody?.contentTypes ?? [],
      ...(definition.maxTextLength ? { maxTextLength: definition.maxTextLength } : {}),
    },
    schema: {
      summary: definition.summary,
      tags: [...(definition.tags ?? [])],
      ...(definition.params ? { params: definition.params } : {}),
      ...(definition.query ? { querystring: definition.query } : {}),
      ...(definition.body ? { body: definition.body } : {}),
      response: {
        ...errorResponses({
          method: definition.method,
          url: definition.url,
          hasInput: Boolean(
            definition.params ?? definition.query ?? definition.body ?? definition.rawBody,
          ),
        }),
        ...definition.response,
      },
    },
    handler: async (request, reply) => {
      const result = await definition.handler({
        params: request.params as Out<PS>,
        query: request.query as Out<QS>,
        body: request.body as Out<BS>,
        auth: request.auth,
        request,
        reply,
      })
      return result
    },
  })
}
