import type { Profile } from '../profile-schema.js'
import type { QuestionAnswer, Recommendation, RoadmapPoint } from '../types.js'
import type { CostComparison } from './compare-costs.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'
import type { Search } from './plan-searches.js'
import type { SeatSizing } from './size-seats.js'
import { compareCosts } from './compare-costs.js'
import { aiDaysPerWeek, sizeSeat } from './size-seats.js'

/** Fractional time, cost and the next search for the recommended structure (the `sizing` section). */
export interface Sizing {
  /** Says the figures are the playbook's planning assumptions, not the article's. */
  readonly note: string
  readonly seats: readonly SeatSizing[]
  /** Days a week the AI function gets: its own seat's, a unified seat's share, or a CTO's allowance. */
  readonly aiDaysPerWeek: number
  readonly cost: CostComparison
  /** The earliest search the roadmap asks for, with the point it fills the seat for. */
  readonly nextSearch: (Search & { readonly at: string }) | null
}

/** Sizes every seat of the recommendation, compares costs and finds the next search on the roadmap. */
export function buildSizing(
  profile: Profile,
  recommendation: Recommendation,
  questions: readonly QuestionAnswer[],
  roadmap: readonly RoadmapPoint[],
  hiring: HiringPlaybook,
): Sizing {
  const size = (seat: Parameters<typeof sizeSeat>[0]) => sizeSeat(seat, questions, hiring)
  const seats = recommendation.seats.map(size)
  const searches = roadmap.flatMap((point) =>
    (point.searches ?? []).map((search) => ({ ...search, at: point.at })),
  )
  const nextSearch =
    searches.length === 0
      ? null
      : searches.reduce((first, s) => (s.startBy < first.startBy ? s : first))
  return {
    note: hiring.note,
    seats,
    aiDaysPerWeek: aiDaysPerWeek(recommendation.structure, seats, hiring),
    cost: compareCosts(seats, profile.current?.seats ?? null, size, profile.rates, hiring),
    nextSearch,
  }
}
