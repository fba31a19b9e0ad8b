import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { z } from 'zod'

// OpenAPI 3.1 generated from the same zod schemas that validate requests (define-route.ts).

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
            value instanceof z.ZodType ? toJsonSchema(value, 'output') : value,
          ]),
        )
      }
      return { schema: out, url }
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): unknown {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' })
  delete json.$schema
  return json
}
