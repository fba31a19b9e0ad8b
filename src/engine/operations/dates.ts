// Calendar days as `YYYY-MM-DD` strings: the engine's only notion of time, always passed in.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/
const MS_PER_DAY = 86_400_000

/** Whether a string is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Whether a string is a day or an ISO 8601 date-time starting with a real day. */
export function isInstant(value: string): boolean {
  const match = INSTANT.exec(value)
  return match !== null && isDay(match[1] ?? '')
}

/** The calendar day of a day or date-time, as written (the time, if any, is dropped). */
export function dayOf(at: string): string {
  return at.slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(dayOf(to)) - epochDay(dayOf(from))
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return new Date((epochDay(dayOf(day)) + days) * MS_PER_DAY).toISOString().slice(0, 10)
}

function epochDay(day: string): number {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const d = Number(day.slice(8, 10))
  return Date.UTC(y, m - 1, d) / MS_PER_DAY
}
