import type { Playbook } from '../engine/compile-playbook.js'
import type { ConditionDoc } from '../engine/playbook-schema.js'

/** A plain-text overview of a playbook: identity, thresholds, rules in order, budget caps. */
export function describePlaybook(playbook: Playbook, source: string): string {
  const { doc } = playbook
  const lines = [
    `${playbook.id} ${playbook.version}: ${playbook.title}`,
    `source: ${source}`,
    '',
    'thresholds',
    ...Object.entries(doc.thresholds).map(
      ([group, values]) =>
        `  ${group}: ${Object.entries(values)
          .map(([key, value]) => `${key} ${String(value)}`)
          .join(', ')}`,
    ),
    '',
    'rules (the first that matches decides)',
    ...playbook.rules.map(
      (rule, index) =>
        `  ${index + 1}. ${rule.id} -> ${rule.structure}  when ${describeCondition(rule.when)}`,
    ),
    '',
    'budget caps (applied last)',
    ...doc.caps.map(
      (cap) => `  ${cap.id}: budget ${cap.budget.join('|')}: ${cap.from} -> ${cap.to}`,
    ),
    '',
    `questionnaire: ${playbook.questionnaire.length} questions; passages: ${Object.keys(doc.passages).length}`,
  ]
  return `${lines.join('\n')}\n`
}

/** `size in [startup] and any of (stakes in [high]; complexity in [high])`; `always` when empty. */
export function describeCondition(condition: ConditionDoc): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(condition) as [keyof ConditionDoc, unknown][]) {
    if (value === undefined) continue
    if (key === 'any' || key === 'all') {
      const items = (value as readonly ConditionDoc[]).map(describeCondition)
      parts.push(`${key} of (${items.join('; ')})`)
    } else if (key === 'not') {
      parts.push(`not (${describeCondition(value as ConditionDoc)})`)
    } else {
      parts.push(`${key} in [${(value as readonly string[]).join(', ')}]`)
    }
  }
  return parts.length > 0 ? parts.join(' and ') : 'always'
}
