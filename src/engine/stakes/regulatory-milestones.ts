import type { Milestone, UseCaseStakes } from '../types.js'
import { compareText } from '../compare-text.js'

/** A dated milestone of the EU AI Act and the use cases of a profile it applies to. */
export interface ProfileMilestone extends Milestone {
  readonly useCases: readonly string[]
}

/** The dated milestones of a profile's use cases, and the warnings of their classifications. */
export interface RegulatoryMilestones {
  readonly milestones: readonly ProfileMilestone[]
  readonly warnings: readonly string[]
}

/**
 * Merges the milestones of each classified use case into one list by date, each naming the use cases
 * it applies to, with the classifications' warnings once each (for the assessment's summary).
 */
export function regulatoryMilestones(useCases: readonly UseCaseStakes[]): RegulatoryMilestones {
  const byId = new Map<string, { milestone: Milestone; useCases: string[] }>()
  const warnings: string[] = []
  for (const useCase of useCases) {
    const classification = useCase.classification
    if (!classification) continue
    for (const milestone of classification.milestones) {
      const entry = byId.get(milestone.id) ?? { milestone, useCases: [] }
      if (!entry.useCases.includes(useCase.name)) entry.useCases.push(useCase.name)
      byId.set(milestone.id, entry)
    }
    for (const warning of classification.warnings)
      if (!warnings.includes(warning)) warnings.push(warning)
  }
  const milestones = [...byId.values()]
    .map(({ milestone, useCases: names }) => ({ ...milestone, useCases: names }))
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id))
  return { milestones, warnings }
}
