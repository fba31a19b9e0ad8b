import type { Operations } from '../engine/operations/operations-schema.js'
import type { Problem } from '../errors/app-error.js'
import type { LocatedDocument } from './parse-yaml.js'
import { validateOperations } from '../engine/operations/validate-operations.js'
import { formatPath } from '../engine/validate-profile.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { MAX_DOCUMENT_BYTES } from './limits.js'
import { readTextLimited } from './open-input.js'
import { parseJson } from './parse-json.js'
import { parseOneLocatedYaml } from './parse-yaml.js'

/** Reads an operations file (`tandem/operations@1`, YAML or JSON, detected); problems name file, line and field. */
export async function readOperations(path: string): Promise<Operations> {
  return parseOperationsText(await readTextLimited(path, path, MAX_DOCUMENT_BYTES), path)
}

/** Parses and validates an operations document held in memory; throws `InvalidInputError` naming line and field. */
export function parseOperationsText(text: string, source: string): Operations {
  const document: LocatedDocument = /^\s*[{[]/.test(text)
    ? parseJson(text, source, { maxBytes: MAX_DOCUMENT_BYTES })
    : parseOneLocatedYaml(text, source, { maxBytes: MAX_DOCUMENT_BYTES })
  const result = validateOperations(document.value)
  if (result.ok) return result.value
  const problems: Problem[] = result.error.map((issue) => ({
    file: source,
    line: document.lineOf(issue.path),
    ...(issue.path.length > 0 ? { field: formatPath(issue.path) } : {}),
    message: issue.message,
  }))
  throw new InvalidInputError(`${source} is not a valid operations file`, problems)
}
