import type { Profile } from './profile-schema.js'

/** The budget the engine works with: given, read from today's leaders, or the default. */
export interface LeadersBudget {
  readonly fullTimeLeaders: number
  /** `given` in the profile; `current-seats`: today's full-time holders (1 to 2); `default`: 1. */
  readonly basis: 'given' | 'current-seats' | 'default'
}

/**
 * `budget.fullTimeLeaders`, or, when the profile does not give it and does give today's seats, today's
 * number of full-time holders, from 1 to 2 (framework.md §4a.5); else 1 (framework.md §2).
 */
export function leadersBudget(profile: Profile): LeadersBudget {
  const given = profile.budget.fullTimeLeaders
  if (given !== undefined) return { fullTimeLeaders: given, basis: 'given' }
  const seats = profile.current?.seats ?? []
  if (seats.length === 0) return DEFAULT
  let fullTime = 0
  for (const seat of seats) if (seat.engagement === 'full-time') fullTime++
  return { fullTimeLeaders: Math.min(2, Math.max(1, fullTime)), basis: 'current-seats' }
}

const DEFAULT: LeadersBudget = Object.freeze({ fullTimeLeaders: 1, basis: 'default' })
