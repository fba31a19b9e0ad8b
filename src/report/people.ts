import type { Assessment, Counterfactual, FitAssignment } from '../engine/types.js'

// Words for a chief executive, not field paths: who holds a seat, what they lack, why someone leaves,
// and the derived facts in plain language.

const GAP_WORDS = {
  'ai-fluency': 'has not yet shipped AI systems',
  'tech-leadership': 'has not yet led a technology organization',
} as const

const DEPARTURE_WORDS: Readonly<Record<string, string>> = {
  'not-qualified': 'the seat needs depth they do not have',
  'over-budget': 'the budget does not fund the seat',
}

/** The person in a seat of today's arrangement: their name, else their title (and its number). */
export function personOf(a: Assessment, index: number): string {
  const seats = a.profile.current?.seats ?? []
  const seat = seats[index]
  if (!seat) return `seat ${index + 1}`
  if (seat.name) return seat.name
  const same = seats.filter((s) => s.title === seat.title).length
  return same > 1 ? `today’s ${seat.title} (${index + 1})` : `today’s ${seat.title}`
}

/** "CTO (full-time): Dana Reyes, who has not yet shipped AI systems" */
export function assignmentLine(a: Assessment, seat: FitAssignment, open: string): string {
  const who = seat.holder === 'new' ? open : personOf(a, seat.holder.current)
  const gaps = seat.gaps.map((gap) => GAP_WORDS[gap])
  const budget = seat.reason === 'over-budget' ? ['fractional because of the budget'] : []
  const notes = [...gaps, ...budget]
  return `${seat.title} (${seat.engagement}): ${who}${notes.length ? `, ${notes.join('; ')}` : ''}`
}

/** Each current seat that keeps no place, with why. */
export function departureLines(a: Assessment): string[] {
  return a.recommendation.change.departures.map(
    (d) => `${personOf(a, d.current)}: ${DEPARTURE_WORDS[d.reason] ?? d.reason}`,
  )
}

/** The counterfactuals split: growth triggers first (to plan for), the shrinking ones apart. */
export function byDirection(a: Assessment): {
  readonly grow: readonly Counterfactual[]
  readonly shrink: readonly Counterfactual[]
} {
  return {
    grow: a.counterfactuals.filter((c) => c.direction === 'grow'),
    shrink: a.counterfactuals.filter((c) => c.direction !== 'grow'),
  }
}

const SIZE_WORDS = {
  startup: 'startup (under 30 people)',
  midsize: 'mid-size (30 to 99 people)',
  large: 'large (100 people or more)',
} as const

const DEMAND_WORDS = {
  none: 'AI can stay with the CTO',
  dedicated: 'AI needs leadership of its own',
  full: 'AI needs a leader’s full attention',
} as const

/** The derived size and AI demand in words, for the report's header. */
export function derivedWords(a: Assessment): { size: string; demand: string } {
  return { size: SIZE_WORDS[a.derived.size], demand: DEMAND_WORDS[a.derived.aiDemand] }
}

const FACT_NAMES: Readonly<Record<string, string>> = {
  size: 'Size',
  aiDemand: 'AI demand',
  complexity: 'Technology complexity',
  centrality: 'How core AI is',
  reach: 'Reach beyond engineering',
  stakes: 'Stakes of AI failure',
  budget: 'Budget for full-time leaders',
}

/** A matched fact in words: "AI demand: AI needs leadership of its own". */
export function factWords(name: string, value: string | number): [string, string] {
  const label = FACT_NAMES[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2')
  if (name === 'aiDemand' && typeof value === 'string' && value in DEMAND_WORDS)
    return [label, DEMAND_WORDS[value as keyof typeof DEMAND_WORDS]]
  if (name === 'size' && typeof value === 'string' && value in SIZE_WORDS)
    return [label, SIZE_WORDS[value as keyof typeof SIZE_WORDS]]
  return [label, String(value)]
}
