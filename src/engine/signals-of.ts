import type { Signals } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { StakesLevel } from './vocabulary.js'
import { leadersBudget } from './leaders-budget.js'

/** The raw inputs of the decision, read off a normalized profile. */
export function signalsOf(profile: Profile, stakes: StakesLevel): Signals {
  return {
    employees: profile.employees,
    engineers: profile.engineers,
    products: profile.products,
    centrality: profile.ai.centrality,
    functionCount: distinctCount(profile.ai.functions),
    stakes,
    fullTimeLeaders: leadersBudget(profile).fullTimeLeaders,
  }
}

function distinctCount(values: readonly string[]): number {
  let count = 0
  for (let i = 0; i < values.length; i++) if (values.indexOf(values[i] as string) === i) count++
  return count
}
