// Calendar days as `YYYY-MM-DD` strings: the engine's only notion of time, always passed in.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/

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
  return at.length === 10 ? at : at.slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from)
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return dayFromEpoch(epochDay(day) + days)
}

// Days since 1970-01-01 and back, in integer arithmetic (H. Hinnant, "chrono-compatible low-level date
// algorithms"): `signals()` does this thousands of times a call, and Date objects made it slow.

/** Days since 1970-01-01 of the day a day or date-time starts with. */
export function epochDay(at: string): number {
  const y = digits(at, 0, 4)
  const m = digits(at, 5, 2)
  const d = digits(at, 8, 2)
  const year = m <= 2 ? y - 1 : y
  const era = Math.floor(year / 400)
  const yoe = year - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The `YYYY-MM-DD` of a count of days since 1970-01-01. */
export function dayFromEpoch(days: number): string {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

function digits(text: string, start: number, length: number): number {
  let value = 0
  for (let i = start; i < start + length; i++) value = value * 10 + text.charCodeAt(i) - 48
  return value
}
