import type { Profile } from './profile-schema.js'
import type { Issue, Result } from './result.js'
import { findForbiddenKey, forbiddenKeyIssue } from '../contract/forbidden-keys.js'
import { issuesFromZod } from '../contract/issues-from-zod.js'
import { profileSchema } from './profile-schema.js'

export { formatPath } from '../contract/issue.js'

/** Validates a parsed document against `tandem/profile@1`; problems come back as data. */
export function validateProfile(
  input: unknown,
  options: { readonly keysChecked?: boolean } = {},
): Result<Profile, readonly Issue[]> {
  // `keysChecked`: the caller built the document from keys it already checked (a CSV header).
  const hostile = options.keysChecked ? null : findForbiddenKey(input)
  if (hostile) return { ok: false, error: [forbiddenKeyIssue(hostile)] }
  const parsed = profileSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, error: issuesFromZod(parsed.error) }
}
