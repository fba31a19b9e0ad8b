import type { Playbook } from './compile-playbook.js'
import type { Profile } from './profile-schema.js'
import type { AntiPatternId, StructureId } from './vocabulary.js'
import { deriveFacts } from './derive-facts.js'
import { decide } from './decide.js'
import { diagnose } from './diagnose.js'
import { stakesLevelOf } from './derive-stakes.js'
import { signalsOf } from './signals-of.js'

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
  const facts = deriveFacts(signalsOf(profile, stakesLevelOf(profile, playbook)), playbook)
  return {
    name: profile.name,
    structure: decide(facts, playbook).structure,
    complexity: facts.complexity,
    'ai-centrality': facts.centrality,
    'cross-functional-reach': facts.reach,
    'failure-stakes': facts.stakes,
    budget: facts.budget,
    antiPatterns: profile.current
      ? diagnose(profile, facts, playbook).antiPatterns.map((a) => a.id)
      : [],
  }
}
