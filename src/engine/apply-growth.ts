import type { GrowthStep, Profile } from './profile-schema.js'

/** The profile after one planned growth step, applied on top of the previous state (framework.md §2). */
export function applyGrowth(profile: Profile, step: GrowthStep): Profile {
  const ai = step.ai
  return {
    ...profile,
    employees: step.employees ?? profile.employees,
    engineers: step.engineers ?? profile.engineers,
    products: step.products ?? profile.products,
    industry: step.industry ?? profile.industry,
    ai: {
      ...profile.ai,
      centrality: ai?.centrality ?? profile.ai.centrality,
      functions: ai?.functions ?? profile.ai.functions,
      useCases: ai?.useCases ?? profile.ai.useCases,
      ...(ai?.stakes !== undefined || profile.ai.stakes !== undefined
        ? { stakes: ai?.stakes ?? profile.ai.stakes }
        : {}),
    },
    // A budget not given stays not given: it is read from today's seats at every step.
    budget:
      step.budget?.fullTimeLeaders !== undefined
        ? { fullTimeLeaders: step.budget.fullTimeLeaders }
        : profile.budget,
  }
}
