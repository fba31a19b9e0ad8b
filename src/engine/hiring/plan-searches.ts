import type { RoadmapPoint, Seat } from '../types.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'

export interface Search {
  readonly title: Seat['title']
  readonly engagement: Seat['engagement']
  readonly leadTimeMonths: number
  /** The month to start the search (`YYYY-MM`) so the seat is filled at the roadmap point. */
  readonly startBy: string
}

/**
 * The searches a move between two structures needs: every seat of the new structure whose title is new,
 * or that goes from fractional to full-time, with its lead time counted back from the point's date.
 */
export function searchesFor(
  before: readonly Seat[],
  after: readonly Seat[],
  at: string,
  hiring: HiringPlaybook,
): readonly Search[] {
  const searches: Search[] = []
  for (const seat of after) {
    const was = before.find((s) => s.title === seat.title)
    const upgraded = was?.engagement === 'fractional' && seat.engagement === 'full-time'
    if (was && !upgraded) continue
    const leadTimeMonths = hiring.leadTimeMonths[seat.engagement][seat.title]
    searches.push({ ...seat, leadTimeMonths, startBy: monthsBefore(at, leadTimeMonths) })
  }
  return searches
}

/** Each roadmap point with the searches its move needs and the earliest `startBy` among them. */
export function withSearches(
  roadmap: readonly RoadmapPoint[],
  seatsOf: (point: RoadmapPoint) => readonly Seat[],
  hiring: HiringPlaybook,
): readonly RoadmapPoint[] {
  return roadmap.map((point, i) => {
    const previous = roadmap[i - 1]
    if (!previous || point.structure === previous.structure)
      return { ...point, searches: [], startBy: null }
    const searches = searchesFor(seatsOf(previous), seatsOf(point), point.at, hiring)
    const startBy = searches.map((s) => s.startBy).sort()[0] ?? null
    return { ...point, searches, startBy }
  })
}

/** `2027-Q4` less 6 months is `2027-04`: a quarter counts from its first month. */
export function monthsBefore(at: string, months: number): string {
  const [yearText = '0', part = '01'] = at.split('-')
  const month = part.startsWith('Q') ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part)
  const index = Number(yearText) * 12 + (month - 1) - months
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}
