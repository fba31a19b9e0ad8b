import type { Classifier } from '../../engine/stakes/compile-classifier.js'
import type { Classification } from '../../engine/types.js'
import type { AiActTier } from '../../engine/vocabulary.js'
import { code, escapeMarkdown } from '../../report/escape-markdown.js'

export const CLASSIFY_FORMATS = ['md', 'json'] as const
export type ClassifyFormat = (typeof CLASSIFY_FORMATS)[number]

/** One use case's classification, with the use case's name, as `tandem classify` prints it. */
export interface NamedClassification extends Classification {
  readonly name: string
}

const TIER_LABELS: Readonly<Record<AiActTier, string>> = {
  prohibited: 'prohibited practice',
  high: 'high-risk',
  limited: 'limited risk (transparency duties)',
  minimal: 'minimal risk',
}

/** The classifications as JSON (an array in input order) or as a Markdown report titled by the organization. */
export function renderClassifications(
  results: readonly NamedClassification[],
  classifier: Classifier,
  format: ClassifyFormat,
  organization: string | null,
): string {
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`
  return renderMarkdown(results, classifier, organization)
}

/** The conclusion and its basis in a few lines, for the end of the interactive classifier. */
export function summarize(result: Classification): string {
  const duties = result.transparency.length > 0 ? result.transparency.join(', ') : 'none'
  return [
    `Tier: ${TIER_LABELS[result.tier]}`,
    `Transparency duties: ${duties}`,
    'Basis:',
    ...result.basis.map((cite) => `  ${cite.ref}: ${cite.summary}`),
  ].join('\n')
}

function renderMarkdown(
  results: readonly NamedClassification[],
  classifier: Classifier,
  organization: string | null,
): string {
  const lines = [
    `# EU AI Act classification${organization === null ? '' : `: ${escapeMarkdown(organization)}`}`,
    '',
    `${escapeMarkdown(classifier.title)} (${code(`${classifier.id} ${classifier.version}`)}), ` +
      `as of ${classifier.asOf}. Source: ${escapeMarkdown(classifier.source)}.`,
    '',
  ]
  const warnings = [...new Set(results.flatMap((result) => result.warnings))]
  for (const warning of warnings) lines.push(`> **Warning:** ${escapeMarkdown(warning)}`, '')
  if (results.length === 0) lines.push('No AI use cases to classify (`ai.useCases` is empty).', '')
  results.forEach((result, index) => lines.push(...useCaseSection(result, index + 1)))
  lines.push(`## Dates (as of ${classifier.asOf})`, '')
  const byDate = [...classifier.dates].sort((a, b) => a.date.localeCompare(b.date))
  for (const date of byDate) {
    const status = date.status === 'to-confirm' ? ' **(to confirm)**' : ''
    lines.push(
      `- ${date.date}, ${escapeMarkdown(date.ref)}${status}: ${escapeMarkdown(date.summary)} ` +
        `Source: ${escapeMarkdown(date.source)}.`,
    )
  }
  lines.push(
    '',
    '> Not legal advice. The classification summarises Regulation (EU) 2024/1689 from the facts given;',
    '> have counsel confirm it against the Official Journal before relying on it.',
    '',
  )
  return lines.join('\n')
}

function useCaseSection(result: NamedClassification, number: number): string[] {
  const duties =
    result.transparency.length > 0 ? result.transparency.map(escapeMarkdown).join(', ') : 'none'
  return [
    `## ${number}. ${escapeMarkdown(result.name)}`,
    '',
    `**Tier:** ${TIER_LABELS[result.tier]}  `,
    `**Transparency duties:** ${duties}`,
    '',
    '**Basis**',
    '',
    ...result.basis.map(
      (cite, i) => `${i + 1}. **${escapeMarkdown(cite.ref)}**: ${escapeMarkdown(cite.summary)}`,
    ),
    '',
    '**Obligations**',
    '',
    ...result.obligations.map((line) => `- ${escapeMarkdown(line)}`),
    '',
    '**Dates that apply**',
    '',
    ...result.milestones.map(
      (m) =>
        `- ${m.date} (${m.status === 'to-confirm' ? 'to confirm' : 'in force'}, ` +
        `${escapeMarkdown(m.ref)}): ${escapeMarkdown(m.summary)}`,
    ),
    '',
  ]
}
