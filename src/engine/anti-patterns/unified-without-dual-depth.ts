import type { Evidence } from '../types.js'
import type { Detector } from './context.js'
import { fill } from '../describe-change.js'
import { finding, nameOf, pilotAndRoiSymptoms, seatsOfRecommendation } from './context.js'

/**
 * A CTO/CAIO without depth in both domains. Each missing depth is a symptom; where the AI depth is the
 * one missing, so are the pilot and ROI symptoms. The remedy follows where the fit seats the holder:
 * kept with the gap named, given one side of a split, or replaced.
 */
export const unifiedWithoutDualDepth: Detector = (context) => {
  const { seats, playbook, seatFit } = context
  const def = playbook.doc.antiPatterns['unified-without-dual-depth']
  const evidence: Evidence[] = []
  const notes: string[] = []
  let symptoms = 0
  let first = -1
  seats.forEach((seat, i) => {
    if (seat.title !== 'CTO/CAIO') return
    const holder = nameOf(context, i)
    const before = evidence.length
    if (seat.shippedAiSystems === false)
      evidence.push({
        text: fill(def.evidence.ai, { holder }),
        field: `current.seats[${i}].shippedAiSystems`,
        value: false,
      })
    if (seat.ledTechOrg === false)
      evidence.push({
        text: fill(def.evidence.tech, { holder }),
        field: `current.seats[${i}].ledTechOrg`,
        value: false,
      })
    if (evidence.length > before && first < 0) first = i
    symptoms += evidence.length - before
    if (
      evidence.length === before &&
      (seat.shippedAiSystems === undefined || seat.ledTechOrg === undefined)
    )
      notes.push(
        `Has ${holder} (seat ${i + 1}) both built AI systems and led a technology organization? Set shippedAiSystems and ledTechOrg to check.`,
      )
  })
  if (first < 0) return { finding: null, notes }
  if (context.symptomsGoTo === 'unified-without-dual-depth') {
    const shared = pilotAndRoiSymptoms(context)
    evidence.push(...shared)
    symptoms += shared.length
  }
  const holder = nameOf(context, first)
  const recommended = seatsOfRecommendation(context)
  const at =
    seatFit?.assignments.findIndex((a) => a.holder !== 'new' && a.holder.current === first) ?? -1
  const assignment = at >= 0 ? seatFit?.assignments[at] : undefined
  const seat = assignment ? `${assignment.engagement} ${assignment.title}` : ''
  const gap = assignment?.gaps[0]
  const other = recommended.find((_, j) => j !== at)
  const remedy = gap
    ? { text: def.remedies.gap, values: { holder, seat, gap: playbook.doc.seating.gaps[gap] } }
    : assignment && other
      ? { text: def.remedies.split, values: { holder, seat, other: other.label } }
      : {
          text: def.remedies.replace,
          values: { seats: recommended.map((s) => s.label).join(', ') },
        }
  return {
    finding: finding(context, 'unified-without-dual-depth', evidence, symptoms, remedy),
    notes,
  }
}
