import type { ResponseSpec } from './response-spec.js'
import { z } from 'zod'
import { API_ERROR_CODES } from '../contract/error-codes.js'
import { accessFor } from './policy.js'

// The one error body (error-handler.ts builds it, docs/api.md describes it) and the statuses a
// route can answer with it, derived from what every route shares: its access rule, its inputs.

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES),
    message: z.string().optional(),
    issues: z
      .array(z.strictObject({ code: z.string(), path: z.string(), message: z.string() }))
      .optional(),
    requestId: z.string(),
  }),
})

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])

/** The error statuses of a route: input checks, the access policy, body limits, and 500. */
export function errorResponses(route: {
  readonly method: string
  readonly url: string
  readonly hasInput: boolean
}): Readonly<Record<number, ResponseSpec>> {
  const isProtected = accessFor(route.method, route.url)?.kind === 'protected'
  const unsafe = UNSAFE.has(route.method)
  const statuses = [
    ...(route.hasInput || unsafe ? [400] : []),
    // 404 also stands for a workspace the caller is not in (reliability.md §A).
    ...(isProtected ? [401, 403, 404] : unsafe ? [403] : []),
    ...(WITH_BODY.has(route.method) ? [413, 415] : []),
    500,
  ]
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema]))
}
