import type { Playbook } from './compile-playbook.js'
import type { CurrentSeat } from './profile-schema.js'
import type { StructureId } from './vocabulary.js'

/** The structure today's seats form, when they form one of the playbook's structures exactly. */
export function currentStructure(
  seats: readonly CurrentSeat[],
  playbook: Playbook,
): StructureId | null {
  if (seats.length === 0) return null
  return playbook.structureBySeats.get(seatKey(seats)) ?? null
}

/** The same key for the same seats in any order: `CAIO:fractional+CTO:full-time`. */
export function seatKey(seats: readonly { title: string; engagement: string }[]): string {
  return seats
    .map((s) => `${s.title}:${s.engagement}`)
    .sort()
    .join('+')
}
