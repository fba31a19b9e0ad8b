import type { Evidence } from '../types.js'
import type { Detector } from './context.js'
import { fill } from '../describe-change.js'
import { validateCharter } from '../validate-charter.js'
import { NOTHING, finding } from './context.js'

/**
 * "We'll figure out roles later": two or more leaders and no written division of responsibility, or a
 * charter in use with a row that has no Accountable or several.
 */
export const rolesLater: Detector = (context) => {
  const { seats, current, charter, playbook } = context
  const def = playbook.doc.antiPatterns['roles-later']
  const evidence: Evidence[] = []
  if (seats.length >= 2 && !current.roleCharter)
    evidence.push({
      text: fill(def.evidence.charter, { count: String(seats.length) }),
      field: 'current.roleCharter',
      value: false,
    })
  for (const issue of charter ? validateCharter(charter) : []) {
    if (issue.code === 'no_accountable' || issue.code === 'several_accountable')
      evidence.push({
        text: fill(def.evidence.row, { message: issue.message }),
        field: 'charter',
        value: issue.code,
      })
  }
  if (evidence.length === 0) return NOTHING
  const remedy = { text: def.remedies.charter, values: {} }
  return {
    finding: finding(context, 'roles-later', evidence, evidence.length, remedy),
    notes: [],
  }
}
