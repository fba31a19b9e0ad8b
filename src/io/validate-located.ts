import type { Problem } from '../errors/app-error.js'
import type { LocatedDocument } from './parse-yaml.js'
import type { ProfileRecord } from './read-profiles.js'
import { problemFromIssue } from '../contract/issue.js'
import { validateProfile } from '../engine/validate-profile.js'

/** Validates a parsed document as a profile; each engine issue becomes a problem with its line. */
export function validateLocated(
  index: number,
  where: { readonly line?: number; readonly row?: number },
  source: string,
  document: LocatedDocument,
): ProfileRecord {
  const result = validateProfile(document.value)
  if (result.ok) return { index, ...where, profile: result.value }
  const problems: Problem[] = result.error.map((issue) =>
    problemFromIssue(issue, { file: source, line: document.lineOf(issue.path) }),
  )
  // A record located lazily (an element of a JSON array) gets its line only when it is refused.
  const line = where.line ?? (where.row === undefined ? document.line : undefined)
  return { index, ...where, ...(line === undefined ? {} : { line }), problems }
}
