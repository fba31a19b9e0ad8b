import type { Playbook } from './compile-playbook.js'
import type { Profile, UseCase } from './profile-schema.js'
import type { Stakes, UseCaseStakes } from './types.js'
import type { StakesLevel } from './vocabulary.js'
import { STAKES_LEVELS, rank } from './vocabulary.js'

/**
 * The `failure-stakes` level (framework.md §3.4): `high` for a high-stakes industry or use case,
 * `elevated` for transparency use cases, else `normal`; `ai.stakes` overrides.
 */
export function deriveStakes(profile: Profile, playbook: Playbook): Stakes {
  const useCases = profile.ai.useCases.map((useCase) => useCaseStakes(useCase, playbook))
  let derived: StakesLevel = playbook.highIndustries.has(profile.industry) ? 'high' : 'normal'
  for (const u of useCases) {
    const level: StakesLevel = u.level === 'prohibited' ? 'high' : u.level
    if (rank(STAKES_LEVELS, level) > rank(STAKES_LEVELS, derived)) derived = level
  }
  const override = profile.ai.stakes
  return {
    level: override ?? derived,
    derived,
    overridden: override !== undefined && override !== derived,
    useCases,
  }
}

/** The stakes level alone, without per-use-case detail: the hot path of `recommend`. */
export function stakesLevelOf(profile: Profile, playbook: Playbook): StakesLevel {
  if (profile.ai.stakes) return profile.ai.stakes
  if (playbook.highIndustries.has(profile.industry)) return 'high'
  let level: StakesLevel = 'normal'
  for (const useCase of profile.ai.useCases) {
    const u = useCaseStakes(useCase, playbook).level
    if (u === 'high' || u === 'prohibited') return 'high'
    if (u === 'elevated') level = 'elevated'
  }
  return level
}

function useCaseStakes(useCase: UseCase, playbook: Playbook): UseCaseStakes {
  const area = useCase.area
  if (area && playbook.blockingAreas.has(area)) {
    return { name: useCase.name, level: 'prohibited', reason: `area "${area}" is a prohibited practice`, classification: null }
  }
  if (area && playbook.highAreas.has(area)) {
    return { name: useCase.name, level: 'high', reason: `area "${area}" is high-stakes`, classification: null }
  }
  if (area && playbook.elevatedAreas.has(area)) {
    return { name: useCase.name, level: 'elevated', reason: `area "${area}" carries transparency duties`, classification: null }
  }
  return { name: useCase.name, level: 'normal', reason: area ? `area "${area}"` : 'no high-stakes area', classification: null }
}
