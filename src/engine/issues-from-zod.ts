import type { z } from 'zod'
import type { Issue } from './result.js'

/** Zod's problems as Tandem issues: one per unknown key (named), paths as strings and indexes. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          code: 'unknown_field',
          path: [...issue.path.map(pathKey), key],
          message: `unknown field "${key}"`,
        }))
      : [{ code: issue.code, path: issue.path.map(pathKey), message: issue.message }],
  )
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key)
}
