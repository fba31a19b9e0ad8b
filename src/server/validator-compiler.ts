import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { findForbiddenKey, forbiddenKeyIssue } from '../contract/forbidden-keys.js'
import { problemFromIssue } from '../contract/issue.js'
import { issuesFromZod } from '../contract/issues-from-zod.js'
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

/** Maps a zod error to InvalidInputError with one problem per field (unknown keys named). */
export function invalid(error: z.ZodError, where: string): InvalidInputError {
  const problems = issuesFromZod(error).map((issue) => problemFromIssue(issue))
  return new InvalidInputError(`invalid ${where === 'querystring' ? 'query' : where}`, problems)
}
