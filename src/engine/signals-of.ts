import type { Signals } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { StakesLevel } from './vocabulary.js'

/** The raw inputs of the decision, read off a normalized profile. */
export function signalsOf(profile: Profile, stakes: StakesLevel): Signals {
  return {
    employees: profile.employees,
    engineers: profile.engineers,
    products: profile.products,
    centrality: profile.ai.centrality,
    functionCount: new Set(profile.ai.functions).size,
    stakes,
    fullTimeLeaders: profile.budget.fullTimeLeaders,
  }
}
