import type { z } from 'zod'
import type { Issue } from './issue.js'

/** Zod's problems as Tandem issues: one per unknown key (named), paths as strings and indexes. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path.map(pathKey)
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          code: 'unknown_field',
          path: [...path, key],
          message: `unknown field "${key}"`,
        }))
      case 'invalid_type':
        return [{ code: issue.code, path, message: issue.message, expected: issue.expected }]
      case 'too_small':
      case 'too_big':
        return [{ code: issue.code, path, message: issue.message, expected: issue.origin }]
      default:
        return [{ code: issue.code, path, message: issue.message }]
    }
  })
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key)
}
