import type { Digest } from '../engine/operations/build-digest.js'
import type { WorkspaceDigest } from '../engine/operations/build-workspace-digest.js'

/** The digest as JSON, two-space indented, ending with a newline: the model itself, nothing added. */
export function renderDigestJson(digest: Digest | WorkspaceDigest): string {
  return `${JSON.stringify(digest, null, 2)}\n`
}
