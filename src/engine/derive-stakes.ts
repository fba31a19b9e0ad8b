import type { Playbook } from './compile-playbook.js'
import type { Profile, UseCase } from './profile-schema.js'
import type { Stakes, UseCaseStakes } from './types.js'
import type { StakesLevel } from './vocabulary.js'
import { classify, classifyTier, tierToStakes } from './stakes/classify.js'
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
    const u = playbook.classifier
      ? tierToStakes(classifyTier(useCase, playbook.classifier))
      : areaStakes(useCase, playbook).level
    if (u === 'high' || u === 'prohibited') return 'high'
    if (u === 'elevated') level = 'elevated'
  }
  return level
}

/**
 * One use case's stakes. With a classifier (stakes.md) its tier decides: it reads the area too, and its
 * facts can refine it (fraud detection is not Annex III 5(b)); without one, the area rule of
 * framework.md §3.4 decides.
 */
function useCaseStakes(useCase: UseCase, playbook: Playbook): UseCaseStakes {
  if (!playbook.classifier)
    return { name: useCase.name, ...areaStakes(useCase, playbook), classification: null }
  const classification = classify(useCase, playbook.classifier)
  const refs = [...new Set(classification.basis.map((b) => b.ref))]
  return {
    name: useCase.name,
    level: tierToStakes(classification.tier),
    reason: `EU AI Act tier "${classification.tier}"${refs.length ? ` (${refs.join(', ')})` : ''}`,
    classification,
  }
}

function areaStakes(useCase: UseCase, playbook: Playbook): Pick<UseCaseStakes, 'level' | 'reason'> {
  const area = useCase.area
  if (area && playbook.blockingAreas.has(area))
    return { level: 'prohibited', reason: `area "${area}" is a prohibited practice` }
  if (area && playbook.highAreas.has(area))
    return { level: 'high', reason: `area "${area}" is high-stakes` }
  if (area && playbook.elevatedAreas.has(area))
    return { level: 'elevated', reason: `area "${area}" carries transparency duties` }
  return { level: 'normal', reason: area ? `area "${area}"` : 'no high-stakes area' }
}
