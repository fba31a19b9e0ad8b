import type { Profile } from '../profile-schema.js'
import type { OperationalFacts } from './operational-facts.js'

const FIELDS = ['aiPilots', 'aiInProduction', 'roiMeasured', 'alignmentMeetingsPerMonth'] as const

/** One profile fact the register supplied, with what the profile said before. */
export interface RegisterFact {
  readonly field: `current.${(typeof FIELDS)[number]}`
  readonly value: number | boolean
  readonly typed: number | boolean | null
}

/** Which of an assessment's facts came from the register, and as of which day. */
export interface RegisterRecord {
  readonly asOf: string
  readonly facts: readonly RegisterFact[]
}

/**
 * The profile with its operational facts taken from the register (operate.md §3, last paragraph):
 * each fact the register has replaces what was typed, and the record says which and as of when.
 */
export function fromRegister(
  profile: Profile,
  facts: OperationalFacts,
): { readonly profile: Profile; readonly record: RegisterRecord } {
  const current: Record<string, unknown> = {
    ...(profile.current ?? { seats: [], roleCharter: false }),
  }
  const replaced: RegisterFact[] = []
  for (const field of FIELDS) {
    const value = facts[field]
    if (value === undefined) continue
    const typed = current[field]
    replaced.push({
      field: `current.${field}`,
      value,
      typed: typeof typed === 'number' || typeof typed === 'boolean' ? typed : null,
    })
    current[field] = value
  }
  return {
    profile: { ...profile, current: current as NonNullable<Profile['current']> },
    record: { asOf: facts.asOf, facts: replaced },
  }
}
