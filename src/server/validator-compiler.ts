import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { findUnsafeText } from '../contract/text.js'
import { formatPath } from '../engine/validate-profile.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Validates with the zod schema a route declared; failures become a 400 with field paths. */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!(schema instanceof z.ZodType)) {
    throw new Error(`route schema for ${String(httpPart)} must be a zod schema`)
  }
  return (data: unknown) => {
    const hostile = findForbiddenKey(data)
    if (hostile) {
      return {
        error: new InvalidInputError(`the key "${hostile}" is not allowed`, [
          { field: hostile, message: 'forbidden key' },
        ]),
      }
    }
    const parsed = schema.safeParse(data)
    if (parsed.success) return { value: parsed.data }
    return { error: invalid(parsed.error, httpPart ?? 'body') }
  }
}

/**
 * A 400 naming the first string in `value` that src/contract/text.ts refuses, or null. build-app.ts
 * runs it on the path and query before authentication and on every JSON body before validation,
 * so a NUL or an over-long string gets the same 400 on every route and both databases.
 */
export function unsafeTextError(
  value: unknown,
  where: string,
  maxLength?: number,
): InvalidInputError | null {
  const unsafe = findUnsafeText(value, maxLength)
  if (!unsafe) return null
  const field = formatPath(unsafe.path)
  return new InvalidInputError(`invalid ${where}`, [
    { field: field === '' ? where : field, message: unsafe.message },
  ])
}

/** Maps a zod error to InvalidInputError with one problem per field (unknown keys named). */
export function invalid(error: z.ZodError, where: string): InvalidInputError {
  const problems = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: formatPath([...issue.path.map(String), key]),
          message: `unknown field "${key}"`,
        }))
      : [
          {
            field: formatPath(
              issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
            ),
            message: issue.message,
          },
        ],
  )
  return new InvalidInputError(`invalid ${where === 'querystring' ? 'query' : where}`, problems)
}

function findForbiddenKey(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object' || depth > 64) return null
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return key
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1)
    if (found) return found
  }
  return null
}
