import type { Evidence } from '../types.js'
import type { Detector } from './context.js'
import { fill } from '../describe-change.js'
import { NOTHING, finding, pilotAndRoiSymptoms } from './context.js'

/**
 * "CTO and CAIO don't need to talk much": a CTO and a CAIO who meet less than weekly for strategic
 * alignment, or whose pilots do not reach production and whose ROI is not measured while the CAIO has
 * shipped AI before ("the CAIO proposes initiatives the infrastructure can't support").
 */
export const partnersDontTalk: Detector = (context) => {
  const { seats, current, playbook } = context
  if (!seats.some((s) => s.title === 'CTO') || !seats.some((s) => s.title === 'CAIO'))
    return NOTHING
  const def = playbook.doc.antiPatterns['partners-dont-talk']
  const t = playbook.doc.thresholds.alignment
  const meetings = current.alignmentMeetingsPerMonth
  const evidence: Evidence[] = []
  const notes: string[] = []
  if (meetings === undefined)
    notes.push(
      `How often do the CTO and CAIO meet for strategic alignment? Set current.alignmentMeetingsPerMonth to check for ${def.title}.`,
    )
  else if (meetings < t.warningBelow)
    evidence.push({
      text: fill(def.evidence.meetings, {
        value: String(meetings),
        recommended: String(t.recommendedPerMonth),
      }),
      field: 'current.alignmentMeetingsPerMonth',
      value: meetings,
    })
  if (context.symptomsGoTo === 'partners-dont-talk') evidence.push(...pilotAndRoiSymptoms(context))
  if (evidence.length === 0) return { finding: null, notes }
  const twoSeats = playbook.doc.structures[context.structure].seats.length >= 2
  const remedy = { text: twoSeats ? def.remedies.weekly : def.remedies.oneSeat, values: {} }
  const rare = meetings !== undefined && meetings < t.criticalBelow
  return {
    finding: finding(context, 'partners-dont-talk', evidence, evidence.length, remedy, rare),
    notes,
  }
}
