import type { Playbook } from '../engine/compile-playbook.js'
import type { RouteDeps } from './route-deps.js'
import { compilePlaybook } from '../engine/compile-playbook.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { problemFromIssue } from '../contract/issue.js'

// Compiled workspace playbooks, by stored record id. Records are immutable, so the cache never goes
// stale; it is bounded so uploads cannot grow memory without limit.
const compiled = new Map<string, Playbook>()
const CACHE_MAX = 200

/** The playbook an assessment uses: the shipped default, or the workspace's latest upload of that id. */
export async function resolvePlaybook(
  deps: RouteDeps,
  workspaceId: string,
  playbookId: string | undefined,
): Promise<Playbook> {
  if (playbookId === undefined) return deps.playbook
  const record = await deps.store.playbooks.find(workspaceId, playbookId)
  if (!record) {
    if (playbookId === deps.playbook.id) return deps.playbook
    throw new NotFoundError('playbook', playbookId)
  }
  const cached = compiled.get(record.id)
  if (cached) return cached
  const result = compilePlaybook(record.document)
  if (!result.ok) {
    throw new InvalidInputError(
      `stored playbook "${playbookId}" no longer compiles`,
      result.error.map((issue) => problemFromIssue(issue)),
    )
  }
  if (compiled.size >= CACHE_MAX) compiled.clear()
  compiled.set(record.id, result.value)
  return result.value
}
