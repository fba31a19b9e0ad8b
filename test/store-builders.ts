import type { ProfileInput, Profile } from '../src/engine/profile-schema.js'
import type { AntiPatternId, StructureId } from '../src/engine/vocabulary.js'
import type { Assessment, Charter } from '../src/engine/types.js'
import { validateProfile } from '../src/engine/validate-profile.js'
import { fintechAssessment, fintechCharter } from './fixtures/assessment-fintech.js'
import type { Actor, Store, Workspace } from '../src/store/store.js'

/** A valid profile, overridable field by field. */
export function aStoredProfile(overrides: Partial<ProfileInput> = {}): Profile {
  const result = validateProfile({
    name: 'Acme',
    employees: 120,
    engineers: 30,
    industry: 'financial-services',
    ai: { centrality: 'core' },
    ...overrides,
  })
  if (!result.ok) throw new Error(`invalid test profile: ${JSON.stringify(result.error)}`)
  return result.value
}

/** An assessment result recommending `structure`, with the given current structure and findings. */
export function anAssessmentResult(
  options: {
    structure?: StructureId
    current?: StructureId | null
    antiPatterns?: readonly AntiPatternId[]
    profile?: Profile
  } = {},
): Assessment {
  const base = fintechAssessment
  const [finding] = base.antiPatterns
  if (finding === undefined) throw new Error('the fintech fixture has no anti-pattern finding')
  return {
    ...base,
    profile: options.profile ?? base.profile,
    recommendation: {
      ...base.recommendation,
      structure: options.structure ?? base.recommendation.structure,
      change: {
        ...base.recommendation.change,
        from: options.current === undefined ? base.recommendation.change.from : options.current,
      },
    },
    antiPatterns: (options.antiPatterns ?? base.antiPatterns.map((a) => a.id)).map((id) => ({
      ...finding,
      id,
    })),
  }
}

/** A charter with the first row's CTO cell set to `cto`, to tell versions apart. */
export function aCharter(cto: 'R' | 'A' | 'C' | 'I' = 'R'): Charter {
  const [first, ...rest] = fintechCharter.rows
  if (first === undefined) throw new Error('the fintech charter has no rows')
  return { ...fintechCharter, rows: [{ ...first, cells: { ...first.cells, CTO: cto } }, ...rest] }
}

export interface Tenant {
  readonly owner: Actor
  readonly workspace: Workspace
}

/** A user who owns a new workspace. */
export async function aTenant(store: Store, name: string): Promise<Tenant> {
  const user = await store.users.create({
    email: `${name.toLowerCase()}@example.com`,
    name,
    passwordHash: `hash-of-${name}`,
  })
  const owner = { userId: user.id }
  const workspace = await store.workspaces.create(owner, { name: `${name} workspace` })
  return { owner, workspace }
}
