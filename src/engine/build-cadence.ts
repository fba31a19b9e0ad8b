import type { Playbook } from './compile-playbook.js'
import type { Cadence } from './types.js'
import type { StructureId } from './vocabulary.js'

/** The partnership's operating rhythm and handoff zones (framework.md §7). */
export function buildCadence(structure: StructureId, playbook: Playbook): Cadence {
  const twoSeats = playbook.doc.structures[structure].seats.length >= 2
  return {
    alignmentPerMonth: twoSeats ? playbook.doc.thresholds.alignment.recommendedPerMonth : null,
    summary: twoSeats ? playbook.doc.cadence.twoSeats : playbook.doc.cadence.oneSeat,
    handoffZones: playbook.doc.handoffZones,
  }
}
