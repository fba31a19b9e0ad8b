import { z } from 'zod'

// What text a request may carry (reliability.md §G "Text the database refuses"), the same on both
// databases: PostgreSQL refuses NUL in text and index rows over ~2.7 KB, SQLite takes both, so the
// edge refuses them first and both answer the same 400 naming the field (docs/api.md, "Limits").

/** Any string anywhere in a request: characters (UTF-16 code units), not bytes. */
export const MAX_TEXT_LENGTH = 10_000
/** Names, titles, labels: this long at most (they are indexed or listed). */
export const MAX_NAME_LENGTH = 200
export const MAX_EMAIL_LENGTH = 254

// C0 controls and DEL, except tab, line feed and carriage return (multi-line text keeps those).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// The same as a whole-string pattern, which JSON Schema (and so OpenAPI) can state.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/

/** Why `text` may not be stored, or null when it may. */
export function textProblem(text: string, max: number = MAX_TEXT_LENGTH): string | null {
  if (text.length > max) return `${text.length} characters; at most ${max} are accepted`
  const control = CONTROL.exec(text)
  if (control) return `contains the control character ${describe(control[0])}, which is refused`
  return null
}

/**
 * A name (organization, workspace, token, person...): trimmed, 1 to `max` characters, no control
 * characters but tab and line breaks (a CSV cell may hold a name on two lines).
 */
export function nameText(max: number = MAX_NAME_LENGTH) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max, `at most ${max} characters`)
    .regex(NO_CONTROL, 'no control characters')
}

/** Free text (notes, descriptions): up to `max` characters, line breaks allowed, no other controls. */
export function freeText(max: number = MAX_TEXT_LENGTH) {
  return z.string().max(max, `at most ${max} characters`).regex(NO_CONTROL, 'no control characters')
}

/** The first string in `value` (keys included) that `textProblem` refuses, with its path. */
export function findUnsafeText(
  value: unknown,
  max: number = MAX_TEXT_LENGTH,
  path: readonly (string | number)[] = [],
): { readonly path: readonly (string | number)[]; readonly message: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, max)
    return problem === null ? null : { path, message: problem }
  }
  if (value === null || typeof value !== 'object') return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], max, [...path, i])
      if (found) return found
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key, MAX_NAME_LENGTH)
    if (keyProblem !== null) return { path: [...path, key], message: `key ${keyProblem}` }
    const found = findUnsafeText(item, max, [...path, key])
    if (found) return found
  }
  return null
}

function describe(character: string): string {
  const code = character.charCodeAt(0)
  const name = code === 0 ? ' (NUL)' : ''
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name}`
}
