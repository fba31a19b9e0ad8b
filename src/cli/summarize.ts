import type { Playbook } from '../engine/compile-playbook.js'
import type { FactName } from '../engine/facts.js'
import type { Profile } from '../engine/profile-schema.js'
import type { QuestionId, StructureId } from '../engine/vocabulary.js'
import type { SummaryRow } from './batch-summary.js'
import { diagnose } from '../engine/diagnose.js'
import { recommend } from '../engine/recommend.js'

// The derived fact each of the five questions reports as its level (engine/answer-questions.ts).
const LEVEL_OF: Readonly<Record<QuestionId, FactName>> = {
  complexity: 'complexity',
  'ai-centrality': 'centrality',
  'cross-functional-reach': 'reach',
  'failure-stakes': 'stakes',
  budget: 'budget',
}

/**
 * The batch summary row without a whole assessment: the engine's fast `recommend` plus the
 * diagnosis, skipping counterfactuals, roadmap, charter and texts (about 10x faster). A test checks
 * it equals `summaryOf(assess(...))` over generated profiles.
 */
export function summarize(
  profile: Profile,
  playbook: Playbook,
): {
  readonly row: SummaryRow
  readonly structure: StructureId
  readonly antiPatterns: readonly string[]
} {
  const { structure, facts } = recommend(profile, playbook)
  const antiPatterns = diagnose(profile, facts, playbook).antiPatterns.map((finding) => finding.id)
  const row: SummaryRow = {
    name: profile.name,
    structure,
    complexity: facts[LEVEL_OF.complexity],
    'ai-centrality': facts[LEVEL_OF['ai-centrality']],
    'cross-functional-reach': facts[LEVEL_OF['cross-functional-reach']],
    'failure-stakes': facts[LEVEL_OF['failure-stakes']],
    budget: facts[LEVEL_OF.budget],
    antiPatterns,
  }
  return { row, structure, antiPatterns }
}
