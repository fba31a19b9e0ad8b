import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { Template } from './compile-template.js'
import type { PlaybookDoc } from './playbook-schema.js'
import type { CompiledPassage } from './quote-passages.js'
import type { QuestionAnswer, Stakes } from './types.js'
import type { QuestionId } from './vocabulary.js'
import { compileText } from './compile-template.js'
import { leadersBudget } from './leaders-budget.js'
import { QUESTION_IDS } from './vocabulary.js'

/**
 * One question as the compiled playbook holds it: its source passage, and per level either the
 * answer itself, when the finding has no placeholder (the same for every profile, so every
 * assessment shares it), or the template that fills the finding in.
 */
export interface CompiledQuestion {
  /** The passages an answer may quote, in order: the first whose condition holds is quoted. */
  readonly sources: readonly CompiledPassage[]
  /** Per level, per source: the shared answer, or the template of its finding. */
  readonly levels: Readonly<Record<string, readonly (QuestionAnswer | Template)[]>>
}

/** Answers the five questions (framework.md §3): a level, a one-line finding and its source passage. */
export function answerQuestions(
  profile: Profile,
  facts: Facts,
  stakes: Stakes,
  playbook: Playbook,
): readonly QuestionAnswer[] {
  // The values templates fill in, worked out once and only when a finding needs them.
  let values: Record<string, string | number> | undefined
  const valuesOf = () => {
    if (values) return values
    const functions = [...new Set(profile.ai.functions)]
    values = {
      products: profile.products,
      engineers: profile.engineers,
      employees: profile.employees,
      functionCount: functions.length,
      functions: functions.join(', ') || 'none',
      reason: stakesReason(profile, stakes, playbook),
      fullTimeLeaders: leadersBudget(profile).fullTimeLeaders,
    }
    return values
  }
  const levels: Record<QuestionId, string> = {
    complexity: facts.complexity,
    'ai-centrality': facts.centrality,
    'cross-functional-reach': facts.reach,
    'failure-stakes': facts.stakes,
    budget: facts.budget,
  }
  return (Object.keys(levels) as QuestionId[]).map((id) => {
    const { sources, levels: answers } = playbook.questions[id]
    const level = levels[id]
    let at = sources.findIndex((p) => p.test(facts))
    if (at < 0) at = sources.length - 1
    const source = sources[at]?.text ?? ''
    const answer = answers[level]?.[at]
    if (answer === undefined) return { id, level, finding: level, source }
    if (typeof answer !== 'function') return answer
    return { id, level, finding: answer(valuesOf()), source }
  })
}

/** Compiles each question of a playbook document (see CompiledQuestion). */
export function compileQuestions(
  doc: PlaybookDoc,
  passages: Readonly<Record<string, CompiledPassage>>,
): Record<QuestionId, CompiledQuestion> {
  return Object.fromEntries(
    QUESTION_IDS.map((id) => {
      const cited = doc.questions[id].source
      const sources = (typeof cited === 'string' ? [cited] : cited).flatMap(
        (ref) => passages[ref] ?? [],
      )
      const levels: Record<string, (QuestionAnswer | Template)[]> = {}
      for (const [level, text] of Object.entries(doc.questions[id].findings)) {
        const finding = compileText(text)
        levels[level] = sources.map((p) =>
          typeof finding === 'string' ? { id, level, finding, source: p.text } : finding,
        )
      }
      const question: CompiledQuestion = { sources, levels }
      return [id, question]
    }),
  ) as Record<QuestionId, CompiledQuestion>
}

function stakesReason(profile: Profile, stakes: Stakes, playbook: Playbook): string {
  if (stakes.overridden) return `set to ${stakes.level} in the profile (derived: ${stakes.derived})`
  const reasons: string[] = []
  if (playbook.highIndustries.has(profile.industry)) reasons.push(`industry ${profile.industry}`)
  for (const u of stakes.useCases) {
    if (u.level === 'high' || u.level === 'prohibited') reasons.push(`use case "${u.name}"`)
  }
  return reasons.join('; ') || 'set in the profile'
}
