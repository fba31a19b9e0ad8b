import type { Evidence, Seat } from '../engine/types.js'

/** An evidence or fact value as a reader sees it; `null` means the input was not given. */
export function formatValue(value: Evidence['value']): string {
  if (value === null) return 'not given'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}

/** `CTO (full-time), CAIO (fractional)`. */
export function formatSeats(seats: readonly Seat[]): string {
  return seats.map((seat) => `${seat.title} (${seat.engagement})`).join(', ')
}

/** `1 product`, `3 products`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
