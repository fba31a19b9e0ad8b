import type { Issue, Result } from './result.js'
import type { TodaySection } from './today-schema.js'
import { issuesFromZod } from '../contract/issues-from-zod.js'
import { todaySchema } from './today-schema.js'

/**
 * Validates a playbook's `today:` block. A help that names a `source` must be a contiguous part of
 * that passage (the article's words are quoted only where they are the article's).
 */
export function compileToday(
  input: unknown,
  passages: Readonly<Record<string, string>>,
): Result<TodaySection, readonly Issue[]> {
  const parsed = todaySchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: issuesFromZod(parsed.error) }
  const today = parsed.data
  const issues: Issue[] = []
  const check = (help: string, source: string | null, path: (string | number)[]) => {
    if (source === null) return
    const passage = passages[source]
    if (passage === undefined) {
      issues.push({
        code: 'unknown_passage',
        path: [...path, 'source'],
        message: `"${source}" is not a passage of this playbook`,
      })
    } else if (!normalize(passage).includes(normalize(help))) {
      issues.push({
        code: 'not_a_quote',
        path: [...path, 'help'],
        message: `the help is not a part of the passage "${source}"; drop the source or quote it`,
      })
    }
  }
  check(today.leaders.help, today.leaders.source, ['leaders'])
  today.seat.forEach((q, i) => check(q.help, q.source, ['seat', i]))
  today.questions.forEach((q, i) => check(q.help, q.source, ['questions', i]))
  check(today.growth.help, today.growth.source, ['growth'])
  today.growth.step.forEach((q, i) => check(q.help, q.source, ['growth', 'step', i]))
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: today }
}

function normalize(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '--')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}
