import type { Issue } from './issue.js'

// Keys that can reach Object.prototype through naive merging code (reliability.md §C): refused in
// every input format, wherever they appear.
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

/** The path of the first forbidden key in parsed data, depth first, or null. */
export function findForbiddenKey(
  value: unknown,
  path: readonly (string | number)[] = [],
): readonly (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, i])
      if (found) return found
    }
    return null
  }
  if (value === null || typeof value !== 'object') return null
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key]
    const found = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key])
    if (found) return found
  }
  return null
}

/** The issue for a forbidden key found at `path`. */
export function forbiddenKeyIssue(path: readonly (string | number)[]): Issue {
  return { code: 'forbidden_key', path, message: `the key "${String(path.at(-1))}" is not allowed` }
}
