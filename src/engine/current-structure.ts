import type { Playbook } from './compile-playbook.js'
import type { CurrentSeat } from './profile-schema.js'
import type { StructureId } from './vocabulary.js'
import { STRUCTURES } from './vocabulary.js'

/** The structure today's seats form, when they form one of the playbook's structures exactly. */
export function currentStructure(
  seats: readonly CurrentSeat[],
  playbook: Playbook,
): StructureId | null {
  if (seats.length === 0) return null
  const today = seatKey(seats)
  for (const structure of STRUCTURES) {
    if (seatKey(playbook.doc.structures[structure].seats) === today) return structure
  }
  return null
}

function seatKey(seats: readonly { title: string; engagement: string }[]): string {
  return seats
    .map((s) => `${s.title}:${s.engagement}`)
    .sort()
    .join('+')
}
