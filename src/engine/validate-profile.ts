import type { Profile } from './profile-schema.js'
import type { Issue, Result } from './result.js'
import { issuesFromZod } from './issues-from-zod.js'
import { profileSchema } from './profile-schema.js'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Validates a parsed document against `tandem/profile@1`; problems come back as data. */
export function validateProfile(
  input: unknown,
  options: { readonly keysChecked?: boolean } = {},
): Result<Profile, readonly Issue[]> {
  // `keysChecked`: the caller built the document from keys it already checked (a CSV header).
  const hostile = options.keysChecked ? null : findForbiddenKey(input, [])
  if (hostile) return { ok: false, error: [hostile] }
  const parsed = profileSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, error: issuesFromZod(parsed.error) }
}

/** Formats an issue path as `ai.useCases[2].area`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  )
}

function findForbiddenKey(value: unknown, path: (string | number)[]): Issue | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i])
      if (found) return found
    }
    return null
  }
  if (value === null || typeof value !== 'object') return null
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      return {
        code: 'forbidden_key',
        path: [...path, key],
        message: `the key "${key}" is not allowed`,
      }
    }
    const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key])
    if (found) return found
  }
  return null
}
