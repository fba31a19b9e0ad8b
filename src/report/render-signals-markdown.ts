import type { Agenda } from '../engine/operations/generate-agenda.js'
import type { SignalsResult } from '../engine/operations/signals.js'
import { escapeMarkdown as e, code } from './escape-markdown.js'

/** Renders signals as Markdown: one section per signal, with its evidence, remedy and passage. */
export function renderSignalsMarkdown(result: SignalsResult, organization: string): string {
  const lines = [
    `# Signals: ${e(organization)}, as of ${result.asOf}`,
    '',
    `Playbook ${result.playbook.id} ${result.playbook.version} · ${result.signals.length === 0 ? 'no signal' : `${result.signals.length} signal${result.signals.length === 1 ? '' : 's'}`}`,
  ]
  if (result.signals.length === 0) {
    lines.push('', 'Nothing to act on: the register and meetings raise no signal.')
  }
  for (const signal of result.signals) {
    lines.push(
      '',
      `## ${signal.severity === 'critical' ? 'Critical' : 'Warning'}: ${e(signal.title)} (${code(signal.key)})`,
      '',
      `Anti-pattern: ${code(signal.antiPattern)}`,
    )
    if (signal.acknowledged) {
      lines.push(
        '',
        `Acknowledged by ${e(signal.acknowledged.by)} until ${signal.acknowledged.until}: ${e(signal.acknowledged.reason)}`,
      )
    }
    lines.push(
      '',
      ...signal.evidence.map((item) => `- ${e(item.note)}`),
      '',
      `**Remedy:** ${e(signal.remedy)}`,
      '',
      `> “${e(signal.passage)}”`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** Renders the generated agenda as a numbered Markdown list. */
export function renderAgendaMarkdown(agenda: Agenda, organization: string): string {
  const lines = [`# Agenda: ${e(organization)}, next alignment meeting (as of ${agenda.asOf})`, '']
  agenda.items.forEach((item, i) => {
    const source = item.initiative ?? item.decision
    lines.push(`${i + 1}. ${e(item.text)}${source === undefined ? '' : ` (${code(source)})`}`)
  })
  return `${lines.join('\n')}\n`
}
