import type { Evidence } from '../types.js'
import type { Detector } from './context.js'
import { fill } from '../describe-change.js'
import { finding, nameOf, pilotAndRoiSymptoms, seatsOfRecommendation } from './context.js'

/**
 * "The CAIO doesn't need technical depth": a CAIO who has not built and shipped AI systems. Symptoms:
 * pilots that do not reach production and ROI not measured ("nothing ships").
 */
export const caioWithoutTechnicalDepth: Detector = (context) => {
  const { seats, playbook } = context
  const def = playbook.doc.antiPatterns['caio-without-technical-depth']
  const evidence: Evidence[] = []
  const notes: string[] = []
  seats.forEach((seat, i) => {
    if (seat.title !== 'CAIO') return
    if (seat.shippedAiSystems === false)
      evidence.push({
        text: fill(def.evidence.depth, { holder: nameOf(context, i) }),
        field: `current.seats[${i}].shippedAiSystems`,
        value: false,
      })
    else if (seat.shippedAiSystems === undefined)
      notes.push(
        `Has ${nameOf(context, i)} (seat ${i + 1}) built and shipped AI systems in past roles? Set current.seats[${i}].shippedAiSystems to check for ${def.title}.`,
      )
  })
  if (evidence.length === 0) return { finding: null, notes }
  let symptoms = 0
  if (context.symptomsGoTo === 'caio-without-technical-depth') {
    const shared = pilotAndRoiSymptoms(context)
    evidence.push(...shared)
    symptoms += shared.length
  }
  const recommended = seatsOfRecommendation(context)
  const caio = recommended.find((s) => s.title === 'CAIO')
  const remedy = caio
    ? { text: def.remedies.seat, values: { seat: caio.label } }
    : { text: def.remedies.noSeat, values: { seat: recommended[0]?.label ?? 'CTO/CAIO' } }
  return {
    finding: finding(context, 'caio-without-technical-depth', evidence, symptoms, remedy),
    notes,
  }
}
