import type { FastifyInstance } from 'fastify'
import type { ContentResponse } from './response-spec.js'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { z } from 'zod'
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js'
import { errorBodySchema } from './error-responses.js'

const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"

// OpenAPI 3.1 generated from the same zod schemas that validate requests and describe responses
// (define-route.ts).

type SchemaSlot = 'params' | 'querystring' | 'body' | 'headers'

/** Registers `/api/openapi.json` and the interactive docs at `/api/docs` (assets from the package). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1',
        description:
          'Decide whether an organization needs a CTO, a Chief AI Officer, both, or one person doing both. Contract: docs/api.md.',
      },
      components: {
        // One named error body instead of a copy under every status of every route.
        schemas: { Error: toJsonSchema(errorBodySchema, 'output') },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url }
      const out: Record<string, unknown> = { ...schema }
      for (const slot of [
        'params',
        'querystring',
        'body',
        'headers',
      ] as const satisfies SchemaSlot[]) {
        const value = schema[slot]
        if (value instanceof z.ZodType) out[slot] = toJsonSchema(value)
      }
      if (schema.response && typeof schema.response === 'object') {
        out.response = Object.fromEntries(
          Object.entries(schema.response as Record<string, unknown>).map(([status, value]) => [
            status,
            toResponse(status, value),
          ]),
        )
      }
      return { schema: out, url }
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The app's policy, plus the one <style> element Swagger UI's bundle inserts (by its hash).
    staticCSP: CONTENT_SECURITY_POLICY.replace(
      "style-src 'self'",
      `style-src 'self' ${SWAGGER_UI_STYLE_HASH}`,
    ),
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())
}

// Descriptions of the shared statuses; a ContentResponse or NO_CONTENT brings its own.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the job runs in the background',
  400: 'Invalid input: `issues` name the fields',
  401: 'Not signed in, or the API token is unknown or revoked',
  403: "Forbidden: the role, the API token's scope, or a cross-site Origin",
  404: 'Not found, or in a workspace the caller cannot reach',
  409: 'Conflict: a stale `expectedVersion`, or a duplicate',
  413: 'The body is larger than this route accepts',
  415: 'Unsupported content type',
  429: 'Rate limited: retry after `retry-after` seconds',
  500: 'Internal error: only the `requestId` to quote',
  503: 'Unavailable',
}

/** A response as OpenAPI wants it: a description and a JSON Schema per media type. */
function toResponse(status: string, value: unknown): unknown {
  const description = DESCRIPTIONS[status] ?? 'Response'
  if (value === errorBodySchema) {
    return {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    }
  }
  if (value instanceof z.ZodType) {
    return {
      description,
      content: { 'application/json': { schema: toJsonSchema(value, 'output') } },
    }
  }
  if (isContentResponse(value)) {
    return {
      description: value.description,
      content: Object.fromEntries(
        Object.entries(value.content).map(([mediaType, { schema }]) => [
          mediaType,
          { schema: toJsonSchema(schema, 'output') },
        ]),
      ),
    }
  }
  return value
}

function isContentResponse(value: unknown): value is ContentResponse {
  return typeof value === 'object' && value !== null && 'content' in value
}

function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output' = 'input',
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' })
  delete json.$schema
  return json
}
