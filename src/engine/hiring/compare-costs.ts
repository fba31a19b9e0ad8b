import type { CurrentSeat, Rates } from '../profile-schema.js'
import type { Seat } from '../types.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'
import type { SeatSizing } from './size-seats.js'

export interface CostLine {
  readonly title: Seat['title']
  readonly engagement: Seat['engagement']
  readonly daysPerWeek: number
  /** Yearly cost of the seat; null when the rate it needs was not given. */
  readonly yearly: number | null
}

export interface CostOption {
  readonly lines: readonly CostLine[]
  /** The sum of the lines; null when any line lacks its rate. */
  readonly yearly: number | null
}

export interface CostComparison {
  /** The rates' currency; null when no rates were given. */
  readonly currency: string | null
  readonly recommended: CostOption
  /** The same seats, every one full-time; null when the recommendation is full-time already. */
  readonly fullTime: CostOption | null
  /** Today's seats, fractional ones at the days the playbook gives their title; null without them. */
  readonly today: CostOption | null
  /** The profile fields that would complete the comparison (`rates.fractionalDayRate.CAIO`, …). */
  readonly missing: readonly string[]
}

/**
 * Yearly cost of the recommended seats against the full-time alternative and today's arrangement, from
 * the rates the profile gives. No rate is invented: a seat without its rate has no cost, and the field
 * that would give it is listed in `missing`.
 */
export function compareCosts(
  seats: readonly SeatSizing[],
  current: readonly CurrentSeat[] | null,
  size: (seat: Seat) => SeatSizing,
  rates: Rates | undefined,
  hiring: HiringPlaybook,
): CostComparison {
  const missing = new Set<string>()
  const price = (seat: SeatSizing): CostLine => {
    const field =
      seat.engagement === 'full-time'
        ? (['fullTimeAnnualCost', rates?.fullTimeAnnualCost[seat.title]] as const)
        : (['fractionalDayRate', rates?.fractionalDayRate[seat.title]] as const)
    const [name, rate] = field
    if (rate === undefined) missing.add(`rates.${name}.${seat.title}`)
    const yearly =
      rate === undefined
        ? null
        : seat.engagement === 'full-time'
          ? rate
          : Math.round(rate * seat.daysPerWeek * hiring.workingWeeksPerYear)
    return {
      title: seat.title,
      engagement: seat.engagement,
      daysPerWeek: seat.daysPerWeek,
      yearly,
    }
  }
  const option = (list: readonly SeatSizing[]): CostOption => {
    const lines = list.map(price)
    return {
      lines,
      yearly: lines.some((l) => l.yearly === null)
        ? null
        : lines.reduce((sum, l) => sum + (l.yearly ?? 0), 0),
    }
  }
  const anyFractional = seats.some((s) => s.engagement === 'fractional')
  return {
    currency: rates?.currency ?? null,
    recommended: option(seats),
    fullTime: anyFractional
      ? option(seats.map((s) => size({ title: s.title, engagement: 'full-time' })))
      : null,
    today:
      current && current.length > 0
        ? option(current.map((s) => size({ title: s.title, engagement: s.engagement })))
        : null,
    missing: [...missing].sort(),
  }
}
