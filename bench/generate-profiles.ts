import type { ProfileInput } from '../src/engine/profile-schema.js'
import { AI_FUNCTIONS, CENTRALITY_LEVELS, INDUSTRIES } from '../src/engine/vocabulary.js'

/** A small seeded PRNG (mulberry32): the same profiles every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedRow {
  readonly name: string
  readonly employees: number
  readonly engineers: number
  readonly products: number
  readonly industry: string
  readonly centrality: string
  readonly functions: readonly string[]
  readonly fullTimeLeaders: number
}

/** One generated organization, spread across every level of every question. */
export function generateRow(next: () => number, index: number): GeneratedRow {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
  const employees = 1 + Math.floor(next() * next() * 400)
  const functions = AI_FUNCTIONS.filter(() => next() < 0.25)
  return {
    name: `Org ${index}`,
    employees,
    engineers: Math.floor(employees * next() * 0.6),
    products: 1 + Math.floor(next() * next() * 4),
    industry: pick(INDUSTRIES),
    centrality: pick(CENTRALITY_LEVELS),
    functions,
    fullTimeLeaders: Math.floor(next() * 3),
  }
}

/** Generated profiles as the library takes them. */
export function generateProfiles(count: number, seed = 42): ProfileInput[] {
  const next = random(seed)
  return Array.from({ length: count }, (_, i) => {
    const row = generateRow(next, i)
    return {
      name: row.name,
      employees: row.employees,
      engineers: row.engineers,
      products: row.products,
      industry: row.industry as ProfileInput['industry'],
      ai: {
        centrality: row.centrality as ProfileInput['ai']['centrality'],
        functions: [...row.functions] as ProfileInput['ai']['functions'],
        ...(next() < 0.3
          ? {
              useCases: [
                { name: 'Assistant', area: 'transparency' as const, interactsWithPeople: true },
              ],
            }
          : {}),
      },
      budget: { fullTimeLeaders: row.fullTimeLeaders },
      ...(next() < 0.5
        ? {
            current: {
              seats: [
                { title: 'CTO' as const, engagement: 'full-time' as const, responsibilities: 12 },
              ],
              aiPilots: 4,
              aiInProduction: 0,
              roiMeasured: false,
            },
          }
        : {}),
    }
  })
}

export const CSV_HEADER =
  'name,employees,engineers,products,industry,ai.centrality,ai.functions,budget.fullTimeLeaders'

export function csvLine(row: GeneratedRow): string {
  return `${row.name},${row.employees},${row.engineers},${row.products},${row.industry},${row.centrality},${row.functions.join(';')},${row.fullTimeLeaders}`
}
