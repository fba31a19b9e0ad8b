import { z } from 'zod'
import { assessmentSchema } from '../engine/assessment-schema.js'
import { serializeJson } from './serialize-json.js'
import { assessmentRecordSchema } from './view-schemas.js'

// How each route's JSON replies are written (build-app.ts `setSerializerCompiler`).
// - The assessment fast path (`POST /api/v1/assess`, an assessment record): the engine's output, as
//   is, by serializeJson, which reuses the JSON of the playbook's frozen parts. Nothing to filter:
//   the assessment is the engine's own value, and assessment-schema.test.ts holds it to its schema.
// - Every other reply with a zod response schema: parsed by that schema first. The views are strict,
//   so a field a route did not declare fails the reply (500, logged) instead of reaching the client:
//   Fastify's response-schema filtering, failing closed. docs/decisions.md "Replies: one fast path,
//   every other reply checked by its schema".
// - Replies without a schema for their status (text bodies, 204): serializeJson alone.

const FAST_PATH = new Set<unknown>([assessmentSchema, assessmentRecordSchema])

/** Marks a response schema whose replies carry an assessment: written as is, never parsed. */
export function fastPath<T extends z.ZodType>(schema: T): T {
  FAST_PATH.add(schema)
  return schema
}

/** The serializer of the replies declared with `schema`. */
export function replySerializerFor(schema: unknown): (data: unknown) => string {
  if (FAST_PATH.has(schema) || !(schema instanceof z.ZodType)) return serializeJson
  return (data) => serializeJson(schema.parse(data))
}
