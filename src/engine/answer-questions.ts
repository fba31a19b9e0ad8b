import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { QuestionAnswer, Stakes } from './types.js'
import type { PlaybookDoc } from './playbook-schema.js'
import type { QuestionId } from './vocabulary.js'
import { staticText } from './compile-template.js'
import { QUESTION_IDS } from './vocabulary.js'

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
      fullTimeLeaders: profile.budget.fullTimeLeaders,
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
    const def = playbook.doc.questions[id]
    const level = levels[id]
    const shared = playbook.staticAnswers[id][level]
    if (shared) return shared
    const template = playbook.findingTemplates[id][level]
    return {
      id,
      level,
      finding: template ? template(valuesOf()) : level,
      source: playbook.doc.passages[def.source] ?? def.source,
    }
  })
}

/**
 * Each question's answers whose finding has no placeholder, by level: they read the same for every
 * profile, so the compiled playbook holds them once and every assessment shares them.
 */
export function buildStaticAnswers(
  doc: PlaybookDoc,
): Record<QuestionId, Record<string, QuestionAnswer>> {
  return Object.fromEntries(
    QUESTION_IDS.map((id) => {
      const source = doc.passages[doc.questions[id].source] ?? doc.questions[id].source
      const answers = Object.entries(doc.questions[id].findings).flatMap(([level, text]) => {
        const finding = staticText(text)
        return finding === null ? [] : [[level, { id, level, finding, source }] as const]
      })
      return [id, Object.fromEntries(answers)]
    }),
  ) as Record<QuestionId, Record<string, QuestionAnswer>>
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
