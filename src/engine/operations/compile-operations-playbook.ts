import type { Issue, Result } from '../result.js'
import type { OperationsPlaybook } from './operations-playbook-schema.js'
import { issuesFromZod } from '../../contract/issues-from-zod.js'
import { operationsPlaybookSchema } from './operations-playbook-schema.js'
import { SIGNAL_IDS } from './vocabulary.js'

/** Validates a playbook's `operations:` block: its shape, and that every signal quotes a known passage. */
export function compileOperationsPlaybook(input: unknown): Result<OperationsPlaybook, Issue[]> {
  const parsed = operationsPlaybookSchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  const config = parsed.data
  const issues: Issue[] = []
  for (const id of SIGNAL_IDS) {
    const passage = config.signals[id].passage
    if (!(passage in config.passages)) {
      issues.push({
        code: 'unknown_passage',
        path: ['signals', id, 'passage'],
        message: `passage "${passage}" is not defined under operations.passages`,
      })
    }
  }
  for (const gate of ['pilot', 'production'] as const) {
    const seen = new Set<string>()
    config.gates[gate].forEach((item, i) => {
      if (seen.has(item)) {
        issues.push({
          code: 'duplicate_id',
          path: ['gates', gate, i],
          message: `gate item "${item}" is listed twice`,
        })
      }
      seen.add(item)
    })
  }
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: config }
}
