import type { Assessment, Charter, UseCaseStakes } from '../engine/types.js'
import { code, escapeMarkdown as e } from './escape-markdown.js'
import { formatSeats } from './format-value.js'
import { groupRows } from './group-rows.js'
import { assignmentLine, departureLines, factWords } from './people.js'
import { openSeat } from './summary-sections.js'
import {
  capitalize,
  QUESTION_TITLES,
  RACI_LEGEND,
  STRUCTURE_LABELS,
  TIER_LABELS,
} from './labels.js'

// The longer sections of the Markdown report, one function each, in report order.

/** The recommendation: structure, seats, rule, why, facts, passages and the change from today. */
export function recommendationSection(a: Assessment): string[] {
  const r = a.recommendation
  const lines = [
    `## Recommendation: ${e(r.label)}`,
    '',
    `- **Structure:** ${code(r.structure)}, stage ${r.stage} of the fractional path`,
    `- **Seats:** ${formatSeats(r.seats)}`,
    `- **Rule:** ${code(r.rule)}${r.cap === null ? '' : `, then budget cap ${code(r.cap)}`}`,
    '',
    '### Why',
    '',
    ...r.why.map((reason) => `- ${e(reason)}`),
    '',
    '### Facts that matched',
    '',
    '| Fact | Value |',
    '|---|---|',
    ...r.facts.map((fact) => {
      const [name, value] = factWords(fact.name, fact.value)
      return `| ${e(name)} | ${e(value)} |`
    }),
    '',
    '### In the article’s words',
    '',
  ]
  r.source.forEach((passage, index) => {
    if (index > 0) lines.push('')
    lines.push(`> ${e(passage)}`)
  })
  const { change } = r
  const from =
    change.from === null
      ? `No recognised structure today; move to ${code(change.to)}.`
      : change.from === change.to
        ? `Today’s structure is already ${code(change.to)}.`
        : `From ${code(change.from)} (${STRUCTURE_LABELS[change.from]}) to ${code(change.to)}.`
  lines.push(
    '',
    `### Change from today: ${capitalize(change.kind)}`,
    '',
    `${from} ${e(change.summary)}`,
    '',
  )
  if (r.fit !== null) {
    lines.push(
      `**Fitted to your people:** ${e(r.fit.reason)} (the table alone gives ${STRUCTURE_LABELS[r.fit.table]}.)`,
      '',
    )
  }
  if (change.assignments.length > 0) {
    lines.push(
      '**Who sits where**',
      '',
      ...change.assignments.map((seat) => `- ${e(assignmentLine(a, seat, openSeat(a)))}`),
      ...departureLines(a).map((line) => `- Leaves: ${e(line)}`),
      '',
    )
  }
  lines.push(...change.steps.map((step, index) => `${index + 1}. ${e(step)}`))
  return lines
}

/** The five questions as a table: question, level, finding. */
export function questionsSection(a: Assessment): string[] {
  return [
    '## The five questions',
    '',
    '| Question | Level | Finding | In the article’s words |',
    '|---|---|---|---|',
    ...a.questions.map(
      (q) =>
        `| ${QUESTION_TITLES[q.id]} (${code(q.id)}) | **${e(q.level)}** | ${e(q.finding)} | ` +
        `${q.source === '' ? '' : `“${e(q.source)}”`} |`,
    ),
  ]
}

/** Each use case with its EU AI Act tier, basis and obligations (stakes.md); empty without use cases. */
export function stakesSection(a: Assessment): string[] {
  const { stakes } = a
  if (stakes.useCases.length === 0) return []
  const overall = stakes.overridden
    ? `Overall stakes: **${stakes.level}**, set by ${code('ai.stakes')} (derived from the profile: ${stakes.derived}).`
    : `Overall stakes: **${stakes.level}**, derived from the profile.`
  const warnings = [...new Set(stakes.useCases.flatMap((u) => u.classification?.warnings ?? []))]
  return [
    '## Stakes per use case',
    '',
    overall,
    ...warnings.flatMap((w) => ['', `> **Warning:** ${e(w)}`]),
    ...stakes.useCases.flatMap(useCaseLines),
  ]
}

function useCaseLines(useCase: UseCaseStakes): string[] {
  const c = useCase.classification
  const lines = ['', `### ${e(useCase.name)}`, '']
  if (c === null) {
    lines.push(`- **Stakes:** ${useCase.level}: ${e(useCase.reason)}`, '- **Tier:** not classified')
    return lines
  }
  lines.push(
    `- **Tier:** ${TIER_LABELS[c.tier]} (${code(c.tier)})`,
    `- **Stakes:** ${useCase.level}: ${e(useCase.reason)}`,
  )
  if (c.transparency.length > 0) {
    lines.push(`- **Transparency duties:** ${c.transparency.map(e).join(', ')}`)
  }
  lines.push('- **Basis:**', ...c.basis.map((item) => `  - ${e(item.ref)}: ${e(item.summary)}`))
  lines.push(
    c.obligations.length === 0 ? '- **Obligations:** none' : '- **Obligations:**',
    ...c.obligations.map((duty) => `  - ${e(duty)}`),
  )
  if (c.milestones.length > 0) {
    lines.push(
      '- **Dates that apply:**',
      ...c.milestones.map(
        (m) =>
          `  - ${e(m.date)}${m.status === 'to-confirm' ? ' **(to confirm)**' : ''}, ` +
          `${e(m.ref)}: ${e(m.summary)}`,
      ),
    )
  }
  lines.push(`- **As of:** ${e(c.asOf)}`)
  return lines
}

/** The RACI grid section of the report. */
export function charterSection(charter: Charter): string[] {
  return ['## Responsibility charter', '', ...charterTable(charter)]
}

/** The charter's legend line and RACI table, one bold row per group (also the Markdown export). */
export function charterTable(charter: Charter): string[] {
  const columns = charter.columns
  const legend = RACI_LEGEND.map(([letter, meaning]) => `**${letter}** ${meaning}`).join('; ')
  const lines = [
    `For ${code(charter.structure)}. ${legend}.`,
    '',
    `| Area | ${columns.map(e).join(' | ')} |`,
    `|---|${columns.map(() => ':-:').join('|')}|`,
  ]
  for (const group of groupRows(charter)) {
    lines.push(`| **${e(group.label)}** |${columns.map(() => ' ').join('|')}|`)
    for (const row of group.rows) {
      const cells = columns.map((column) => e(row.cells[column] ?? ''))
      lines.push(`| ${e(row.label)} | ${cells.join(' | ')} |`)
    }
  }
  return lines
}
