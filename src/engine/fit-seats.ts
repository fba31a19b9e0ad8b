import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { CurrentSeat } from './profile-schema.js'
import type { FitAssignment, Departure } from './types.js'
import type { BudgetLevel, Depth, SeatGap, Size, StructureId } from './vocabulary.js'
import { BUDGET_LEVELS, STRUCTURES } from './vocabulary.js'

/** The structure that fits the people in today's seats, and where each of them sits (framework.md §4a). */
export interface SeatFit {
  readonly structure: StructureId
  readonly assignments: readonly FitAssignment[]
  readonly departures: readonly Departure[]
  /**
   * For each assignment that moves a full-time holder to a fractional seat, by the holder's index: the
   * smallest budget level at which the fit keeps them full-time, or null when no budget does.
   */
  readonly fullTimeAt: Readonly<Record<number, BudgetLevel | null>>
}

/** The table's structure at a budget level: the fit asks what a larger budget would change. */
export type TableAt = (budget: BudgetLevel) => StructureId

type SeatTemplate = Playbook['doc']['structures'][StructureId]['seats'][number]

interface Pick {
  readonly holder: number | null
  readonly gaps: readonly SeatGap[]
}

interface Best {
  readonly structure: StructureId
  readonly picks: readonly Pick[]
}

const FULL_TIME_SEATS: Readonly<Record<BudgetLevel, number>> = { fractional: 0, one: 1, two: 2 }

/**
 * Fits today's holders to a structure by the principles of framework.md §4a, in order: meet the
 * table's need (1), seat holders only where they qualify (2), keep who qualifies, full-time holders
 * first (3), change least (4). `seats` must not be empty.
 */
export function fitSeats(
  seats: readonly CurrentSeat[],
  facts: Facts,
  tableAt: TableAt,
  playbook: Playbook,
): SeatFit {
  const best = search(seats, facts, tableAt(facts.budget), playbook)
  const taken = new Set<number>()
  const fullTimeAt: Record<number, BudgetLevel | null> = {}
  const template = playbook.doc.structures[best.structure].seats
  const assignments = best.picks.map((pick, i): FitAssignment => {
    const seat = template[i] as SeatTemplate
    if (pick.holder === null)
      return { title: seat.title, engagement: seat.engagement, holder: 'new', gaps: pick.gaps }
    taken.add(pick.holder)
    const demoted =
      seat.engagement === 'fractional' && seats[pick.holder]?.engagement === 'full-time'
    if (demoted)
      fullTimeAt[pick.holder] = keptFullTimeAt(pick.holder, seats, facts, tableAt, playbook)
    return {
      title: seat.title,
      engagement: seat.engagement,
      holder: { current: pick.holder },
      gaps: pick.gaps,
      ...(demoted ? { reason: 'over-budget' as const } : {}),
    }
  })
  const qualified = qualifiedHolders(
    seats,
    candidatesOf(facts, tableAt(facts.budget), playbook),
    facts.size,
    playbook,
  )
  const departures: Departure[] = []
  seats.forEach((_, i) => {
    if (taken.has(i)) return
    if (!qualified.has(i)) departures.push({ current: i, reason: 'not-qualified' })
    else
      departures.push({
        current: i,
        reason: seatedAtSomeBudget(i, seats, facts, tableAt, playbook) ? 'over-budget' : 'no-seat',
      })
  })
  return { structure: best.structure, assignments, departures, fullTimeAt }
}

/** The structures that meet the table's need (framework.md §4a.1), in the playbook's order. */
export function candidatesOf(
  facts: Facts,
  table: StructureId,
  playbook: Playbook,
): readonly StructureId[] {
  const structures = playbook.doc.structures
  const need = structures[table].dedication
  return STRUCTURES.filter((id) => {
    const s = structures[id]
    return (
      s.dedication.tech >= need.tech &&
      s.dedication.ai >= need.ai &&
      s.seats.filter((seat) => seat.engagement === 'full-time').length <=
        FULL_TIME_SEATS[facts.budget] &&
      (facts.stakes !== 'high' || s.seats.some((seat) => seat.title === 'CAIO'))
    )
  })
}

/**
 * The gaps with which a holder may take a seat of a structure (framework.md §4a.2–3), or null when
 * they do not qualify for it.
 */
export function gapsFor(
  holder: CurrentSeat,
  seat: { readonly title: SeatTemplate['title']; readonly engagement: SeatTemplate['engagement'] },
  structure: StructureId,
  size: Size,
  playbook: Playbook,
): readonly SeatGap[] | null {
  const seating = playbook.doc.seating
  const has = depthsOf(holder, playbook)
  const gaps: SeatGap[] = []
  for (const depth of seating.needs[seat.title]) {
    if (has[depth]) continue
    const lenient =
      holder.engagement === 'full-time' &&
      (seat.title === 'CTO/CAIO' || (seat.title === 'CTO' && seat.engagement === 'full-time'))
        ? seating.lenient.find(
            (rule) =>
              rule.lacks === depth &&
              rule.titles.includes(holder.title) &&
              (!rule.size || rule.size.includes(size)),
          )
        : undefined
    if (!lenient) return null
    if (!gaps.includes(lenient.gap)) gaps.push(lenient.gap)
  }
  if (
    seat.title === 'CTO' &&
    !has.ai &&
    seating.fluency.structures.includes(structure) &&
    !gaps.includes(seating.fluency.gap)
  )
    gaps.push(seating.fluency.gap)
  return gaps
}

/** A holder's depths; a flag not given counts as the depth their title today requires, and as nothing else. */
export function depthsOf(
  holder: CurrentSeat,
  playbook: Playbook,
): Readonly<Record<Depth, boolean>> {
  const required = playbook.doc.seating.needs[holder.title]
  return {
    tech: holder.ledTechOrg ?? required.includes('tech'),
    ai: holder.shippedAiSystems ?? required.includes('ai'),
  }
}

/**
 * Where today's holders would sit in one given structure, by the same principles: per seat, a
 * holder's index or null. What the table's own structure would do to the people, for `fit.reason`.
 */
export function seatWithin(
  seats: readonly CurrentSeat[],
  facts: Facts,
  structure: StructureId,
  playbook: Playbook,
): readonly (number | null)[] {
  return search(seats, facts, structure, playbook, [structure]).picks.map((p) => p.holder)
}

function search(
  seats: readonly CurrentSeat[],
  facts: Facts,
  table: StructureId,
  playbook: Playbook,
  only?: readonly StructureId[],
): Best {
  const candidates = only ?? candidatesOf(facts, table, playbook)
  const qualified = qualifiedHolders(seats, candidates, facts.size, playbook)
  let best: Best | null = null
  let bestScore: number[] = []
  for (const structure of candidates) {
    const template = playbook.doc.structures[structure].seats
    const options = template.map((seat) => {
      const opts: Pick[] = [{ holder: null, gaps: [] }]
      seats.forEach((holder, i) => {
        const gaps = gapsFor(holder, seat, structure, facts.size, playbook)
        if (gaps) opts.push({ holder: i, gaps })
      })
      return opts
    })
    const chosen: Pick[] = []
    const walk = (at: number) => {
      if (at === template.length) {
        const score = scoreOf(structure, chosen, seats, qualified, table, playbook)
        if (!best || greater(score, bestScore)) {
          best = { structure, picks: [...chosen] }
          bestScore = score
        }
        return
      }
      for (const option of options[at] ?? []) {
        if (option.holder !== null && chosen.some((c) => c.holder === option.holder)) continue
        chosen.push(option)
        walk(at + 1)
        chosen.pop()
      }
    }
    walk(0)
  }
  // The table's own structure always meets its own need, so there is at least one candidate.
  return best ?? { structure: table, picks: [] }
}

/** Principles 3 and 4 as a score, compared item by item; higher is better. */
function scoreOf(
  structure: StructureId,
  picks: readonly Pick[],
  seats: readonly CurrentSeat[],
  qualified: ReadonlySet<number>,
  table: StructureId,
  playbook: Playbook,
): number[] {
  const structures = playbook.doc.structures
  const template = structures[structure].seats
  let fullTimeKept = 0
  let fractionalKept = 0
  let fullTimeSeated = 0
  let added = 0
  let sameEngagement = 0
  let bothDepthsAsCto = 0
  let sameTitle = 0
  let gaps = 0
  picks.forEach((pick, i) => {
    const seat = template[i] as SeatTemplate
    if (pick.holder === null) {
      added++
      return
    }
    const holder = seats[pick.holder] as CurrentSeat
    gaps += pick.gaps.length
    if (seat.engagement === holder.engagement) sameEngagement++
    if (seat.title === holder.title) sameTitle++
    const depths = depthsOf(holder, playbook)
    if (seat.title === 'CTO' && depths.tech && depths.ai) bothDepthsAsCto++
    if (!qualified.has(pick.holder)) return
    if (holder.engagement === 'full-time') {
      fullTimeSeated++
      if (seat.engagement === 'full-time') fullTimeKept++
    } else fractionalKept++
  })
  const t = structures[table].dedication
  const d = structures[structure].dedication
  return [
    fullTimeKept,
    fractionalKept,
    fullTimeSeated,
    -added,
    -(d.tech - t.tech + (d.ai - t.ai)),
    structure === table ? 1 : 0,
    sameEngagement,
    bothDepthsAsCto,
    sameTitle,
    -gaps,
  ]
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x > y
  }
  return false
}

/** Holders who qualify for some seat of some structure that meets the need (framework.md §4a.3). */
function qualifiedHolders(
  seats: readonly CurrentSeat[],
  candidates: readonly StructureId[],
  size: Size,
  playbook: Playbook,
): ReadonlySet<number> {
  const qualified = new Set<number>()
  seats.forEach((holder, i) => {
    for (const structure of candidates)
      for (const seat of playbook.doc.structures[structure].seats)
        if (gapsFor(holder, seat, structure, size, playbook)) qualified.add(i)
  })
  return qualified
}

/** The smallest larger budget at which the fit keeps a full-time holder in a full-time seat. */
function keptFullTimeAt(
  holder: number,
  seats: readonly CurrentSeat[],
  facts: Facts,
  tableAt: TableAt,
  playbook: Playbook,
): BudgetLevel | null {
  for (const budget of BUDGET_LEVELS.slice(BUDGET_LEVELS.indexOf(facts.budget) + 1)) {
    const best = search(seats, { ...facts, budget }, tableAt(budget), playbook)
    const template = playbook.doc.structures[best.structure].seats
    if (best.picks.some((p, i) => p.holder === holder && template[i]?.engagement === 'full-time'))
      return budget
  }
  return null
}

/** Whether some larger budget gives a departing, qualified holder a seat. */
function seatedAtSomeBudget(
  holder: number,
  seats: readonly CurrentSeat[],
  facts: Facts,
  tableAt: TableAt,
  playbook: Playbook,
): boolean {
  return BUDGET_LEVELS.slice(BUDGET_LEVELS.indexOf(facts.budget) + 1).some((budget) =>
    search(seats, { ...facts, budget }, tableAt(budget), playbook).picks.some(
      (p) => p.holder === holder,
    ),
  )
}
