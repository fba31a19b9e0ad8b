import { isDay } from '../../engine/operations/dates.js'
import { UsageError } from '../../errors/usage-error.js'

/** A `--as-of`, `--since` or `--until` value: a real day as YYYY-MM-DD, else a usage error naming the option. */
export function dayOption(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!isDay(value)) throw new UsageError(`${option} must be a date as YYYY-MM-DD, not "${value}"`)
  return value
}

/** Today in UTC: the CLI is the edge where the clock is read; the engine takes the day as data. */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}
