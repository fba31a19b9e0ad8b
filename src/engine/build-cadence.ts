import type { PlaybookDoc } from './playbook-schema.js'
import type { Cadence } from './types.js'
import type { StructureId } from './vocabulary.js'

/** The partnership's operating rhythm and handoff zones (framework.md §7); built once per structure. */
export function buildCadence(doc: PlaybookDoc, structure: StructureId): Cadence {
  const twoSeats = doc.structures[structure].seats.length >= 2
  return {
    alignmentPerMonth: twoSeats ? doc.thresholds.alignment.recommendedPerMonth : null,
    summary: twoSeats ? doc.cadence.twoSeats : doc.cadence.oneSeat,
    handoffZones: doc.handoffZones,
  }
}
