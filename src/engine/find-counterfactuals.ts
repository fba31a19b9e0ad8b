import type { Playbook } from './compile-playbook.js'
import type { Signals } from './facts.js'
import type { Counterfactual } from './types.js'
import type { StructureId } from './vocabulary.js'
import { decide } from './decide.js'
import { deriveFacts } from './derive-facts.js'
import { AI_FUNCTIONS, CENTRALITY_LEVELS, STAKES_LEVELS } from './vocabulary.js'

interface Candidate {
  readonly field: string
  readonly from: string | number
  readonly to: string | number
  readonly distance: number
  readonly signals: Signals
  readonly describe: (structure: StructureId) => string
}

// Distance that orders changes of different kinds "nearest first" (docs/decisions.md): a count moves by
// its relative change (80 → 100 employees is 0.25); a level moves by 0.5 per step.
const LEVEL_STEP = 0.5

/**
 * For each input, the nearest change up and down that changes the recommended structure
 * (framework.md §7), nearest first. Structures are piecewise constant between the playbook's
 * thresholds, so only the values at each threshold need evaluating.
 */
export function findCounterfactuals(
  signals: Signals,
  playbook: Playbook,
): readonly Counterfactual[] {
  const base = decide(deriveFacts(signals, playbook), playbook).structure
  const found: { c: Counterfactual; distance: number; order: number }[] = []
  const groups = candidateGroups(signals, playbook)
  groups.forEach((group, order) => {
    for (const direction of group) {
      for (const candidate of direction) {
        const structure = decide(deriveFacts(candidate.signals, playbook), playbook).structure
        if (structure === base) continue
        found.push({
          c: {
            field: candidate.field,
            from: candidate.from,
            to: candidate.to,
            structure,
            summary: candidate.describe(structure),
          },
          distance: candidate.distance,
          order,
        })
        break
      }
    }
  })
  return found.sort((a, b) => a.distance - b.distance || a.order - b.order).map((f) => f.c)
}

/** Per field, candidates going up and going down, each list nearest first. */
function candidateGroups(s: Signals, playbook: Playbook): Candidate[][][] {
  const t = playbook.doc.thresholds
  const numeric = (
    field: string,
    from: number,
    thresholds: readonly number[],
    min: number,
    max: number,
    apply: (value: number) => Signals,
    describe: (value: number, structure: StructureId) => string,
  ): Candidate[][] => {
    const up = [...new Set(thresholds.filter((v) => v > from && v <= max))].sort((a, b) => a - b)
    const down = [
      ...new Set(thresholds.map((v) => v - 1).filter((v) => v < from && v >= min)),
    ].sort((a, b) => b - a)
    const make = (value: number): Candidate => ({
      field,
      from,
      to: value,
      distance: Math.abs(value - from) / Math.max(from, 1),
      signals: apply(value),
      describe: (structure) => describe(value, structure),
    })
    return [up.map(make), down.map(make)]
  }
  const levels = <T extends string>(
    field: string,
    all: readonly T[],
    from: T,
    apply: (value: T) => Signals,
    describe: (value: T, structure: StructureId) => string,
  ): Candidate[][] => {
    const at = all.indexOf(from)
    const make = (value: T): Candidate => ({
      field,
      from,
      to: value,
      distance: Math.abs(all.indexOf(value) - at) * LEVEL_STEP,
      signals: apply(value),
      describe: (structure) => describe(value, structure),
    })
    return [all.slice(at + 1).map(make), all.slice(0, at).reverse().map(make)]
  }
  const sizeAt = [t.size.midsizeMin, t.size.largeMin]
  const reachAt = [t.reach.moderateMin, t.reach.broadMin]
  const budgetFrom = Math.min(s.fullTimeLeaders, 2)
  return [
    numeric(
      'employees',
      s.employees,
      sizeAt,
      Math.max(1, s.engineers),
      Number.MAX_SAFE_INTEGER,
      (v) => ({ ...s, employees: v }),
      (v, x) => `at ${v} employees this becomes ${x}`,
    ),
    numeric(
      'engineers',
      s.engineers,
      [t.complexity.highMinEngineers],
      0,
      s.employees,
      (v) => ({ ...s, engineers: v }),
      (v, x) => `at ${v} engineers this becomes ${x}`,
    ),
    numeric(
      'products',
      s.products,
      [t.complexity.highMinProducts],
      1,
      Number.MAX_SAFE_INTEGER,
      (v) => ({ ...s, products: v }),
      (v, x) => `with ${v} product${v === 1 ? '' : 's'} this becomes ${x}`,
    ),
    levels(
      'ai.centrality',
      CENTRALITY_LEVELS,
      s.centrality,
      (v) => ({ ...s, centrality: v }),
      (v, x) => `if AI were ${v} to the competitive position this becomes ${x}`,
    ),
    numeric(
      'ai.functions',
      s.functionCount,
      reachAt,
      0,
      AI_FUNCTIONS.length,
      (v) => ({ ...s, functionCount: v }),
      (v, x) =>
        `with AI opportunities in ${v} function${v === 1 ? '' : 's'} beyond engineering this becomes ${x}`,
    ),
    levels(
      'ai.stakes',
      STAKES_LEVELS,
      s.stakes,
      (v) => ({ ...s, stakes: v }),
      (v, x) => `with ${v} failure stakes this becomes ${x}`,
    ),
    levels(
      'budget.fullTimeLeaders',
      [0, 1, 2].map(String),
      String(budgetFrom),
      (v) => ({ ...s, fullTimeLeaders: Number(v) }),
      (v, x) =>
        `with budget for ${v === '0' ? 'no' : v === '2' ? 'two or more' : 'one'} full-time leader${v === '1' ? '' : 's'} this becomes ${x}`,
    ),
  ].map((group) =>
    group.map((direction) =>
      direction.map((c) =>
        c.field === 'budget.fullTimeLeaders' ? { ...c, from: Number(c.from), to: Number(c.to) } : c,
      ),
    ),
  )
}
