import type { Playbook } from './compile-playbook.js'
import type { Signals } from './facts.js'
import type { Counterfactual } from './types.js'
import type { StructureId } from './vocabulary.js'
import type { Profile } from './profile-schema.js'
import { recommendFor } from './recommend.js'
import { AI_FUNCTIONS, CENTRALITY_LEVELS, STAKES_LEVELS } from './vocabulary.js'

type Thresholds = Playbook['doc']['thresholds']

/** One input the counterfactuals vary: a count crossing thresholds, or a level on an ordered scale. */
interface Input {
  readonly field: string
  /**
   * Values to try, ascending: for a count the thresholds (crossing down lands on `t - 1`); for a
   * level, every level.
   */
  readonly points: (t: Thresholds) => readonly number[]
  readonly kind: 'count' | 'level'
  readonly get: (s: Signals) => number
  readonly bounds: (s: Signals) => readonly [number, number]
  readonly with: (s: Signals, value: number) => Signals
  readonly show: (value: number) => string | number
  readonly describe: (value: number) => string
}

// Distance that orders changes of different kinds "nearest first" (docs/decisions.md): a count moves by
// its relative change (80 → 100 employees is 0.25); a level moves by 0.5 per step.
const LEVEL_STEP = 0.5
const UNBOUNDED = Number.MAX_SAFE_INTEGER
const BUDGET_WORDS = [
  'no full-time leaders',
  'one full-time leader',
  'two or more full-time leaders',
]

const INPUTS: readonly Input[] = [
  {
    field: 'employees',
    kind: 'count',
    points: (t) => [t.size.midsizeMin, t.size.largeMin],
    get: (s) => s.employees,
    bounds: (s) => [Math.max(1, s.engineers), UNBOUNDED],
    with: (s, v) => ({ ...s, employees: v }),
    show: (v) => v,
    describe: (v) => `at ${v} employees`,
  },
  {
    field: 'engineers',
    kind: 'count',
    points: (t) => [t.complexity.highMinEngineers],
    get: (s) => s.engineers,
    bounds: (s) => [0, s.employees],
    with: (s, v) => ({ ...s, engineers: v }),
    show: (v) => v,
    describe: (v) => `at ${v} engineers`,
  },
  {
    field: 'products',
    kind: 'count',
    points: (t) => [t.complexity.highMinProducts],
    get: (s) => s.products,
    bounds: () => [1, UNBOUNDED],
    with: (s, v) => ({ ...s, products: v }),
    show: (v) => v,
    describe: (v) => `with ${v} product${v === 1 ? '' : 's'}`,
  },
  {
    field: 'ai.centrality',
    kind: 'level',
    points: () => [0, 1, 2],
    get: (s) => CENTRALITY_LEVELS.indexOf(s.centrality),
    bounds: () => [0, 2],
    with: (s, v) => ({ ...s, centrality: CENTRALITY_LEVELS[v] ?? s.centrality }),
    show: (v) => CENTRALITY_LEVELS[v] ?? v,
    describe: (v) => `if AI were ${CENTRALITY_LEVELS[v]} to the competitive position`,
  },
  {
    field: 'ai.functions',
    kind: 'count',
    points: (t) => [t.reach.moderateMin, t.reach.broadMin],
    get: (s) => s.functionCount,
    bounds: () => [0, AI_FUNCTIONS.length],
    with: (s, v) => ({ ...s, functionCount: v }),
    show: (v) => v,
    describe: (v) =>
      `with AI opportunities in ${v} function${v === 1 ? '' : 's'} beyond engineering`,
  },
  {
    field: 'ai.stakes',
    kind: 'level',
    points: () => [0, 1, 2],
    get: (s) => STAKES_LEVELS.indexOf(s.stakes),
    bounds: () => [0, 2],
    with: (s, v) => ({ ...s, stakes: STAKES_LEVELS[v] ?? s.stakes }),
    show: (v) => STAKES_LEVELS[v] ?? v,
    describe: (v) => `with ${STAKES_LEVELS[v]} failure stakes`,
  },
  {
    field: 'budget.fullTimeLeaders',
    kind: 'level',
    points: () => [0, 1, 2],
    // "≥ 2 counts as 2" (framework.md §2).
    get: (s) => Math.min(s.fullTimeLeaders, 2),
    bounds: () => [0, 2],
    with: (s, v) => ({ ...s, fullTimeLeaders: v }),
    show: (v) => v,
    describe: (v) => `with budget for ${BUDGET_WORDS[v]}`,
  },
]

/**
 * For each input, the nearest change up and down that changes the recommended structure
 * (framework.md §7): the `grow` ones first, nearest first within each direction. Structures are piecewise constant between the playbook's
 * thresholds, so only the values at each threshold need evaluating.
 */
export function findCounterfactuals(
  profile: Profile,
  signals: Signals,
  playbook: Playbook,
): readonly Counterfactual[] {
  const thresholds = playbook.doc.thresholds
  // With today's seats, the structure the people fit at each point (framework.md §4a).
  const structureAt = (s: Signals): StructureId => recommendFor(profile, s, playbook).structure
  const base = structureAt(signals)
  const found: { c: Counterfactual; distance: number; order: number }[] = []
  INPUTS.forEach((input, order) => {
    const from = input.get(signals)
    const [min, max] = input.bounds(signals)
    // Points are strictly ascending (compilePlaybook checks the thresholds): going up, the nearest
    // candidate is the first point above `from`; going down, the last one below it.
    const points = input.points(thresholds)
    const shift = input.kind === 'count' ? 1 : 0
    const record = (to: number): boolean => {
      const structure = structureAt(input.with(signals, to))
      if (structure === base) return false
      const distance =
        input.kind === 'count'
          ? Math.abs(to - from) / Math.max(from, 1)
          : Math.abs(to - from) * LEVEL_STEP
      const shownFrom =
        input.field === 'budget.fullTimeLeaders' ? signals.fullTimeLeaders : input.show(from)
      found.push({
        c: {
          field: input.field,
          from: shownFrom,
          to: input.show(to),
          structure,
          summary: `${input.describe(to)} this becomes ${structure}`,
          direction: to > from ? 'grow' : 'shrink',
        },
        distance,
        order,
      })
      return true
    }
    for (const to of points) {
      if (to > from && to <= max && record(to)) break
    }
    for (let i = points.length - 1; i >= 0; i--) {
      const to = (points[i] ?? 0) - shift
      if (to < from && to >= min && record(to)) break
    }
  })
  // Grow triggers first, as organizations move (framework.md §7); nearest first within each.
  const rank = (f: (typeof found)[number]) => (f.c.direction === 'grow' ? 0 : 1)
  return found
    .sort((a, b) => rank(a) - rank(b) || a.distance - b.distance || a.order - b.order)
    .map((f) => f.c)
}
