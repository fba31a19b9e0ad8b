import type { Readable } from 'node:stream'
import type { Profile } from '../engine/profile-schema.js'
import type { LocatedDocument } from './parse-yaml.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { MAX_PROFILE_BYTES } from './limits.js'
import { readTextLimited } from './open-input.js'
import { parseJson } from './parse-json.js'
import { parseOneLocatedYaml } from './parse-yaml.js'
import { validateLocated } from './validate-located.js'

/** Reads one profile from a file, or from `stdin` when the path is `-`; YAML or JSON, detected. */
export async function readProfile(
  path: string,
  stdin: Readable,
): Promise<{ readonly profile: Profile; readonly source: string }> {
  const source = path === '-' ? 'stdin' : path
  const text = await readTextLimited(path === '-' ? stdin : path, source, MAX_PROFILE_BYTES)
  return { profile: parseProfileText(text, source), source }
}

/** Parses and validates one profile held in memory; throws `InvalidInputError` naming line and field. */
export function parseProfileText(text: string, source: string): Profile {
  const document: LocatedDocument = /^\s*[{[]/.test(text)
    ? parseJson(text, source, { maxBytes: MAX_PROFILE_BYTES })
    : parseOneLocatedYaml(text, source, { maxBytes: MAX_PROFILE_BYTES })
  const record = validateLocated(0, {}, source, document)
  if (record.profile) return record.profile
  throw new InvalidInputError(`${source} is not a valid profile`, record.problems ?? [])
}
