import type { Playbook } from './compile-playbook.js'
import type { Profile } from './profile-schema.js'
import type { AntiPatternId, StructureId } from './vocabulary.js'
import { diagnose } from './diagnose.js'
import { recommend } from './recommend.js'

/** One assessment in a line: what a batch summary row holds. */
export interface AssessmentSummary {
  readonly name: string
  readonly structure: StructureId
  readonly complexity: string
  readonly 'ai-centrality': string
  readonly 'cross-functional-reach': string
  readonly 'failure-stakes': string
  readonly budget: string
  readonly antiPatterns: readonly AntiPatternId[]
}

/**
 * The summary of `assess` without the parts a summary row does not show (explanations,
 * counterfactuals, roadmap, charter): the same structure, levels and anti-patterns, several times faster.
 */
export function summarize(profile: Profile, playbook: Playbook): AssessmentSummary {
  const recommended = recommend(profile, playbook)
  const { structure, facts } = recommended
  return {
    name: profile.name,
    structure,
    complexity: facts.complexity,
    'ai-centrality': facts.centrality,
    'cross-functional-reach': facts.reach,
    'failure-stakes': facts.stakes,
    budget: facts.budget,
    antiPatterns: profile.current
      ? diagnose(profile, facts, playbook, recommended).antiPatterns.map((a) => a.id)
      : [],
  }
}
