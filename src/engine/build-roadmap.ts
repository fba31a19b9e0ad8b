import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { Profile } from './profile-schema.js'
import type { RoadmapPoint } from './types.js'
import type { StructureId } from './vocabulary.js'
import { applyGrowth } from './apply-growth.js'
import { FACT_NAMES } from './facts.js'
import { leadersBudget } from './leaders-budget.js'
import { recommend } from './recommend.js'

const INPUTS = [
  ['employees', (p: Profile) => p.employees],
  ['engineers', (p: Profile) => p.engineers],
  ['products', (p: Profile) => p.products],
  ['industry', (p: Profile) => p.industry],
  ['ai.centrality', (p: Profile) => p.ai.centrality],
  ['ai.functions', (p: Profile) => p.ai.functions.length],
  ['budget.fullTimeLeaders', (p: Profile) => leadersBudget(p).fullTimeLeaders],
] as const

/** The structure at each planned growth point and what triggers each transition (framework.md §7). */
export function buildRoadmap(profile: Profile, playbook: Playbook): readonly RoadmapPoint[] {
  if (profile.growth.length === 0) return []
  const points: RoadmapPoint[] = []
  let state = profile
  let before = recommend(state, playbook)
  points.push({
    at: 'now',
    structure: before.table,
    stage: stageOf(before.table, playbook),
    trigger: null,
  })
  for (const step of profile.growth) {
    const next = applyGrowth(state, step)
    const after = recommend(next, playbook)
    points.push({
      at: step.at,
      structure: after.table,
      stage: stageOf(after.table, playbook),
      trigger:
        after.table === before.table
          ? null
          : describeTrigger(state, next, before.facts, after.facts),
    })
    state = next
    before = after
  }
  return points
}

function stageOf(structure: StructureId, playbook: Playbook): number {
  return playbook.doc.structures[structure].stage
}

function describeTrigger(from: Profile, to: Profile, a: Facts, b: Facts): string {
  const parts: string[] = []
  for (const name of FACT_NAMES) {
    if (a[name] !== b[name]) parts.push(`${name} ${a[name]} → ${b[name]}`)
  }
  const inputs = INPUTS.filter(([, read]) => read(from) !== read(to)).map(
    ([field, read]) => `${field} ${read(from)} → ${read(to)}`,
  )
  return `${parts.join(', ')}${inputs.length > 0 ? ` (${inputs.join(', ')})` : ''}`
}
