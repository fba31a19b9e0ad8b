import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { findForbiddenKey, forbiddenKeyIssue } from '../contract/forbidden-keys.js'
import { formatPath, problemFromIssue } from '../contract/issue.js'
import { issuesFromZod } from '../contract/issues-from-zod.js'
import { findUnsafeText } from '../contract/text.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'

/** Validates with the zod schema a route declared; failures become a 400 with field paths. */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!(schema instanceof z.ZodType)) {
    throw new Error(`route schema for ${String(httpPart)} must be a zod schema`)
  }
  return (data: unknown) => {
    const hostile = findForbiddenKey(data)
    if (hostile) {
      const issue = forbiddenKeyIssue(hostile)
      return { error: new InvalidInputError(issue.message, [problemFromIssue(issue)]) }
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
  const problems = issuesFromZod(error).map((issue) => problemFromIssue(issue))
  return new InvalidInputError(`invalid ${where === 'querystring' ? 'query' : where}`, problems)
}
