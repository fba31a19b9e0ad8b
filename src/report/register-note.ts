import type { Assessment } from '../engine/types.js'
import { formatValue } from './format-value.js'

/**
 * The sentence a diagnosis opens with when its operational facts came from the register: which facts,
 * their values, what the profile said, and as of which day (operate.md §3, last paragraph).
 */
export function registerNote(a: Assessment): string | null {
  const register = a.register
  if (!register || register.facts.length === 0) return null
  const facts = register.facts.map(
    (f) =>
      `${f.field} = ${formatValue(f.value)}${f.typed === null ? '' : ` (the profile said ${formatValue(f.typed)})`}`,
  )
  return `From the register as of ${register.asOf}, not the profile: ${facts.join('; ')}.`
}
