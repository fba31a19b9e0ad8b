import type { Evidence } from '../types.js'
import type { Detector } from './context.js'
import { fill } from '../describe-change.js'
import { NOTHING, finding, nameOf, pilotAndRoiSymptoms, seatsOfRecommendation } from './context.js'

/**
 * "The CTO can handle AI": a CTO and no CAIO or CTO/CAIO seat while the AI function needs leadership of
 * its own. Symptoms: the CTO's load, pilots that do not reach production, ROI not measured.
 */
export const ctoCanHandleAi: Detector = (context) => {
  const { seats, facts, playbook } = context
  const cto = seats.findIndex((s) => s.title === 'CTO')
  if (cto < 0 || facts.aiDemand === 'none') return NOTHING
  if (seats.some((s) => s.title === 'CAIO' || s.title === 'CTO/CAIO')) return NOTHING
  const def = playbook.doc.antiPatterns['cto-can-handle-ai']
  const holder = nameOf(context, cto)
  const evidence: Evidence[] = [
    { text: fill(def.evidence.seat, { holder }), field: 'current.seats', value: 'CTO' },
    {
      text: fill(def.evidence.demand, {
        centrality: facts.centrality,
        reach: facts.reach,
        stakes: facts.stakes,
      }),
      field: 'aiDemand',
      value: facts.aiDemand,
    },
  ]
  let symptoms = 0
  const load = seats[cto]?.responsibilities
  if (load !== undefined && load >= playbook.doc.thresholds.ctoOverload.responsibilities) {
    evidence.push({
      text: fill(playbook.doc.symptoms.responsibilities, { holder, value: String(load) }),
      field: `current.seats[${cto}].responsibilities`,
      value: load,
    })
    symptoms++
  }
  if (context.symptomsGoTo === 'cto-can-handle-ai') {
    const shared = pilotAndRoiSymptoms(context)
    evidence.push(...shared)
    symptoms += shared.length
  }
  const recommended = seatsOfRecommendation(context)
  const caio = recommended.find((s) => s.title === 'CAIO')
  const unified = recommended.find((s) => s.title === 'CTO/CAIO') ?? recommended[0]
  const remedy = caio
    ? { text: def.remedies.seat, values: { seat: `a ${caio.label}` } }
    : {
        text: def.remedies.unified,
        values: { holder: unified?.holder ?? holder, seat: unified?.label ?? 'CTO/CAIO' },
      }
  return { finding: finding(context, 'cto-can-handle-ai', evidence, symptoms, remedy), notes: [] }
}
