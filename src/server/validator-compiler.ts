import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
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
