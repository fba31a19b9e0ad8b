import type { SeatBrief, SeatBriefs } from '../engine/hiring/build-briefs.js'
import { escapeMarkdown as e } from './escape-markdown.js'
import { briefHeading, daysText, KIND_LEAD } from './brief-words.js'

/** Renders the seat briefs as Markdown: one section per seat of the recommended structure. */
export function renderBriefsMarkdown(doc: SeatBriefs): string {
  const parts = [
    [
      `# Seat briefs: ${e(doc.organization)}`,
      '',
      `Recommended structure: **${e(doc.label)}**.`,
      '',
      `_${e(doc.note)}_`,
    ],
    ...doc.briefs.map(briefSection),
    [e(`Made with playbook ${doc.playbook.id} ${doc.playbook.version}.`)],
  ]
  return `${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`
}

function briefSection(b: SeatBrief): string[] {
  const lines = [
    `## ${e(briefHeading(b))}`,
    '',
    `${e(KIND_LEAD[b.kind](b))} ${e(daysText(b))}`,
    '',
    ...b.why.map((w) => `- ${e(w)}`),
  ]
  if (b.gaps.length > 0) {
    lines.push('', '### Gaps to close', '')
    for (const gap of b.gaps)
      lines.push(`- **${e(gap.id)}**: ${e(gap.closes)}, within ${gap.months} months.`)
  }
  lines.push('', '### What the seat answers for', '')
  lines.push(`- Accountable: ${e(b.accountable.map((d) => d.label).join(', ') || 'none')}`)
  lines.push(`- Responsible: ${e(b.responsible.map((d) => d.label).join(', ') || 'none')}`)
  lines.push('', '### The seat’s lens', '', `> “${e(b.lens.quote)}”`)
  lines.push('', '### Must-haves', '')
  for (const m of b.mustHaves) lines.push(`- “${e(m.quote)}” — ${e(m.means)}`)
  lines.push('', '### Evidence to ask for', '', ...b.evidence.map((x) => `- ${e(x)}`))
  lines.push('', '### Interview questions', '', ...b.questions.map((q, i) => `${i + 1}. ${e(q)}`))
  lines.push(
    '',
    '### Handoff zones',
    '',
    ...b.handoffZones.map((z) => `- **${e(z.label)}**: ${e(z.brings)}`),
  )
  lines.push(
    '',
    '### Scorecard',
    '',
    '| Criterion | Look for | Score (1–4) |',
    '| --- | --- | --- |',
  )
  for (const s of b.scorecard) lines.push(`| ${e(s.criterion)} | ${e(s.lookFor)} |  |`)
  return lines
}
