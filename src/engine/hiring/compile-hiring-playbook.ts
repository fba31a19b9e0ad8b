import type { Issue, Result } from '../result.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'
import { issuesFromZod } from '../issues-from-zod.js'
import {
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  COMPLEXITY_LEVELS,
  REACH_LEVELS,
  SEAT_TITLES,
  STAKES_LEVELS,
} from '../vocabulary.js'
import { hiringPlaybookSchema } from './hiring-playbook-schema.js'

const LEVELS: Readonly<Record<string, readonly string[]>> = {
  complexity: COMPLEXITY_LEVELS,
  'ai-centrality': CENTRALITY_LEVELS,
  'cross-functional-reach': REACH_LEVELS,
  'failure-stakes': STAKES_LEVELS,
  budget: BUDGET_LEVELS,
}

/**
 * Validates a playbook's `hiring:` block: its shape, each adjustment's level against its question, and
 * that every quote is a contiguous part of the passage it names (so briefs quote the article faithfully).
 */
export function compileHiringPlaybook(
  input: unknown,
  passageText: (id: string) => string | undefined,
): Result<HiringPlaybook, Issue[]> {
  const parsed = hiringPlaybookSchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  const hiring = parsed.data
  const issues: Issue[] = []
  hiring.adjustments.forEach((a, i) => {
    const levels = LEVELS[a.question] ?? []
    if (!levels.includes(a.level)) {
      issues.push({
        code: 'invalid_value',
        path: ['adjustments', i, 'level'],
        message: `"${a.level}" is not a level of ${a.question}; expected one of ${levels.join(', ')}`,
      })
    }
  })
  for (const title of SEAT_TITLES) {
    const brief = hiring.briefs[title]
    const quotes = [
      { path: ['briefs', title, 'lens'], ...brief.lens },
      ...brief.mustHaves.map((m, i) => ({ path: ['briefs', title, 'mustHaves', i], ...m })),
    ]
    for (const q of quotes) {
      const text = passageText(q.passage)
      if (text === undefined) {
        issues.push({
          code: 'unknown_passage',
          path: [...q.path, 'passage'],
          message: `passage "${q.passage}" is not defined under passages`,
        })
      } else if (!text.includes(q.quote)) {
        issues.push({
          code: 'quote_not_in_passage',
          path: [...q.path, 'quote'],
          message: `"${q.quote}" is not a contiguous part of passage "${q.passage}"`,
        })
      }
    }
  }
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: hiring }
}
