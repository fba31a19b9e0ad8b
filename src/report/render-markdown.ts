import type { Assessment } from '../engine/types.js'
import { code, escapeMarkdown as e } from './escape-markdown.js'
import { plural } from './format-value.js'
import {
  charterSection,
  questionsSection,
  recommendationSection,
  stakesSection,
} from './markdown-sections.js'
import { capitalize, SEVERITY_LABELS, STRUCTURE_LABELS } from './labels.js'
import { byDirection, derivedWords } from './people.js'
import { roadmapPoints } from './roadmap-points.js'
import { summaryMarkdown } from './summary-sections.js'
import { registerNote } from './register-note.js'

/** Renders the assessment as a Markdown report, the summary first (framework.md §9). */
export function renderMarkdown(a: Assessment): string {
  const sections = [
    headerSection(a),
    summaryMarkdown(a),
    blockingSection(a),
    recommendationSection(a),
    questionsSection(a),
    stakesSection(a),
    antiPatternsSection(a),
    charterSection(a.charter),
    cadenceSection(a),
    counterfactualsSection(a),
    roadmapSection(a),
    notesSection(a),
    footerSection(a),
  ]
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`
}

function headerSection(a: Assessment): string[] {
  const p = a.profile
  return [
    `# Tandem assessment: ${e(p.name)}`,
    '',
    `${plural(p.employees, 'employee')}, ${plural(p.engineers, 'engineer')}, ` +
      `${plural(p.products, 'product')}, industry ${code(p.industry)}. ` +
      `Size: **${derivedWords(a).size}**; ${derivedWords(a).demand}.`,
  ]
}

function blockingSection(a: Assessment): string[] {
  if (a.findings.length === 0) return []
  const lines = [
    '## ⛔ Blocking findings',
    '',
    `> **${plural(a.findings.length, 'blocking finding')}: resolve before acting on this report.**`,
  ]
  for (const finding of a.findings) {
    lines.push('>', `> **BLOCKING (${code(finding.id)}):** ${e(finding.message)}`, '>')
    for (const item of finding.evidence) {
      lines.push(`> - ${e(item.text)}`)
    }
    lines.push(`> - Source: “${e(finding.source)}”`)
  }
  return lines
}

function antiPatternsSection(a: Assessment): string[] {
  const lines = ['## Anti-patterns']
  const fromRegister = registerNote(a)
  if (fromRegister) lines.push('', e(fromRegister))
  if (a.antiPatterns.length === 0) {
    lines.push(
      '',
      a.profile.current === undefined
        ? 'No current arrangement was given, so there is nothing to diagnose.'
        : 'None found in the current arrangement.',
    )
    return lines
  }
  for (const finding of a.antiPatterns) {
    lines.push(
      '',
      `### ${SEVERITY_LABELS[finding.severity]}: ${e(finding.title)} (${code(finding.id)})`,
      '',
      '**Evidence**',
      '',
      ...finding.evidence.map((item) => `- ${e(item.text)}`),
      '',
      `**Remedy:** ${e(finding.remedy)}`,
      '',
      `> ${e(finding.source)}`,
    )
  }
  return lines
}

function cadenceSection(a: Assessment): string[] {
  const { cadence } = a
  const lines = ['## Partnership cadence', '', e(cadence.summary)]
  if (cadence.alignmentPerMonth !== null) {
    lines.push(
      '',
      `Strategic alignment: **${plural(cadence.alignmentPerMonth, 'meeting')} a month**.`,
    )
  }
  lines.push('', '### Handoff zones', '')
  if (cadence.handoffZones.length === 0) {
    lines.push('None: one seat holds both functions.')
    return lines
  }
  lines.push('| Zone | CTO brings | CAIO brings |', '|---|---|---|')
  for (const zone of cadence.handoffZones) {
    lines.push(`| ${e(zone.label)} | ${e(zone.cto)} | ${e(zone.caio)} |`)
  }
  return lines
}

function counterfactualsSection(a: Assessment): string[] {
  const lines = ['## What would change the answer', '']
  if (a.counterfactuals.length === 0) {
    lines.push('No single change of one input changes the recommended structure.')
    return lines
  }
  const { grow, shrink } = byDirection(a)
  const line = (change: Assessment['counterfactuals'][number]) =>
    `- ${e(capitalize(change.summary))} (${STRUCTURE_LABELS[change.structure]})`
  // The triggers to plan for come first; the shrinking ones follow, apart.
  lines.push(grow.length === 0 ? 'No growth changes the structure.' : 'As you grow:', '')
  lines.push(...grow.map(line))
  if (shrink.length > 0) lines.push('', '### If the organization shrinks', '', ...shrink.map(line))
  return lines
}

function roadmapSection(a: Assessment): string[] {
  const lines = ['## Roadmap', '']
  if (a.profile.growth.length === 0) {
    lines.push('No growth plan was given: the roadmap is today’s structure only.', '')
  }
  lines.push('| When | Structure | Stage | Trigger |', '|---|---|:-:|---|')
  for (const point of roadmapPoints(a)) {
    lines.push(
      `| ${e(point.at)} | ${STRUCTURE_LABELS[point.structure]} (${code(point.structure)}) | ` +
        `${point.stage} | ${point.trigger === null ? '' : e(point.trigger)} |`,
    )
  }
  return lines
}

function notesSection(a: Assessment): string[] {
  if (a.notes.length === 0) return []
  return ['## Notes', '', ...a.notes.map((note) => `- ${e(note)}`)]
}

function footerSection(a: Assessment): string[] {
  return [
    '---',
    '',
    `Playbook ${code(a.playbook.id)} version ${code(a.playbook.version)} · ` +
      `${code(a.schema)} · made with Tandem`,
  ]
}
