import { describe, expect, it } from 'vitest'
import type { Assessment } from '../engine/types.js'
import { fintechAssessment } from '../../test/fixtures/assessment-fintech.js'
import { startupAssessment } from '../../test/fixtures/assessment-startup.js'
import { renderMarkdown } from './render-markdown.js'

const headings = (markdown: string): string[] =>
  markdown.split('\n').filter((line) => /^##? /.test(line))

describe('renderMarkdown', () => {
  it('puts the summary first, then the blocking banner, before the recommendation', () => {
    expect(headings(renderMarkdown(startupAssessment))).toEqual([
      '# Tandem assessment: Acme \\<script\\>alert(1)\\</script\\> \\| \\*Labs\\* & Co',
      '## Summary',
      '## ⛔ Blocking findings',
      '## Recommendation: One fractional CTO/CAIO',
      '## The five questions',
      '## Stakes per use case',
      '## Anti-patterns',
      '## Responsibility charter',
      '## Partnership cadence',
      '## What would change the answer',
      '## Roadmap',
    ])
  })

  it('renders the sections in report order, with notes, and no banner without blocking findings', () => {
    expect(headings(renderMarkdown(fintechAssessment))).toEqual([
      '# Tandem assessment: Northwind Payments',
      '## Summary',
      '## Recommendation: Separate full-time CTO and CAIO',
      '## The five questions',
      '## Stakes per use case',
      '## Anti-patterns',
      '## Responsibility charter',
      '## Partnership cadence',
      '## What would change the answer',
      '## Roadmap',
      '## Notes',
    ])
  })

  it('quotes the blocking finding with its evidence and source', () => {
    expect(renderMarkdown(startupAssessment)).toContain(
      [
        '> **BLOCKING (`prohibited-use-case`):** Use case "Citizen trust score" is a prohibited practice under Art. 5(1)(c).',
        '>',
        '> - social scoring',
        '> - Source: “Art. 5(1)(c) EU AI Act”',
      ].join('\n'),
    )
  })

  it('lists each use case with its tier, basis, obligations and date', () => {
    expect(renderMarkdown(fintechAssessment)).toContain(
      [
        '### Support assistant',
        '',
        '- **Tier:** Limited risk (transparency duties) (`limited`)',
        '- **Stakes:** elevated: Art. 50(1): interacts with people.',
        '- **Transparency duties:** Art. 50(1)',
        '- **Basis:**',
        '  - Art. 50(1): People must be told they are interacting with an AI system.',
        '- **Obligations:**',
        '  - Tell users they are talking to an AI system',
        '- **As of:** 2026-11-01',
      ].join('\n'),
    )
  })

  it('says when the stakes were overridden by ai.stakes', () => {
    const overridden: Assessment = {
      ...fintechAssessment,
      stakes: { ...fintechAssessment.stakes, level: 'high', derived: 'normal', overridden: true },
    }
    expect(renderMarkdown(overridden)).toContain(
      'Overall stakes: **high**, set by `ai.stakes` (derived from the profile: normal).',
    )
  })

  it('leaves out the stakes section when there are no use cases', () => {
    const none: Assessment = {
      ...fintechAssessment,
      stakes: { ...fintechAssessment.stakes, useCases: [] },
    }
    expect(renderMarkdown(none)).not.toContain('## Stakes per use case')
  })

  it('renders an anti-pattern with severity, evidence, remedy and passage', () => {
    expect(renderMarkdown(fintechAssessment)).toContain(
      [
        "### Warning: We'll figure out roles later (`roles-later`)",
        '',
        '**Evidence**',
        '',
        '- no written division of responsibility',
        '',
        '**Remedy:** Adopt the responsibility charter below before the second seat is filled.',
        '',
        "> Clear role definition from day one isn't bureaucracy -- it's necessity.",
      ].join('\n'),
    )
  })

  it.each([
    [startupAssessment, 'No current arrangement was given, so there is nothing to diagnose.'],
    [{ ...fintechAssessment, antiPatterns: [] }, 'None found in the current arrangement.'],
  ])('explains an empty diagnosis (%#)', (assessment, sentence) => {
    expect(renderMarkdown(assessment)).toContain(`## Anti-patterns\n\n${sentence}\n`)
  })

  it('renders the charter as a grid with a bold row per group', () => {
    const markdown = renderMarkdown(fintechAssessment)
    expect(markdown).toContain(
      [
        '| Area | CTO | CAIO | CEO | Engineering | Business functions |',
        '|---|:-:|:-:|:-:|:-:|:-:|',
        '| **Technology foundation** | | | | | |',
        '| Platforms | A/R | C | I | R |  |',
      ].join('\n'),
    )
    expect(markdown).toContain(
      '| **Handoff zones** | | | | | |\n| MLOps reliability and scalability | A | C |  | R |  |',
    )
  })

  it('names the change from today with numbered steps', () => {
    expect(renderMarkdown(fintechAssessment)).toContain(
      [
        '### Change from today: Restructure',
        '',
        'From `cto-owns-ai` (Full-time AI-fluent CTO who owns AI) to `separate-full-time`. Today the CTO owns AI; hire a full-time CAIO next to the CTO.',
        '',
        '**Who sits where**',
        '',
      ].join('\n'),
    )
  })

  it('leads with the growth triggers and puts the shrinking counterfactuals apart', () => {
    const markdown = renderMarkdown(fintechAssessment)
    expect(markdown).toContain(
      '## What would change the answer\n\nNo growth changes the structure.\n\n\n### If the organization shrinks\n\n' +
        '- With budget for one full-time leader this becomes cto-plus-fractional-caio. (Full-time AI-fluent CTO with a fractional CAIO)\n' +
        '- At 99 employees this becomes cto-plus-fractional-caio. (Full-time AI-fluent CTO with a fractional CAIO)',
    )
    const grown = renderMarkdown({
      ...fintechAssessment,
      counterfactuals: [
        { ...fintechAssessment.counterfactuals[0]!, direction: 'shrink' },
        {
          ...fintechAssessment.counterfactuals[1]!,
          summary: 'At 300 employees: grow.',
          direction: 'grow',
        },
      ],
    })
    expect(grown.indexOf('At 300 employees: grow.')).toBeLessThan(
      grown.indexOf('If the organization shrinks'),
    )
  })

  it('opens with the summary: who sits where, findings, next steps, dates and the disclaimer', () => {
    const markdown = renderMarkdown(fintechAssessment)
    const summary = markdown.slice(
      markdown.indexOf('## Summary'),
      markdown.indexOf('## Recommendation'),
    )
    expect(summary).toContain(`**${fintechAssessment.summary.headline}**`)
    for (const step of fintechAssessment.summary.nextSteps)
      expect(summary).toContain(step.slice(0, 30))
    expect(summary).toContain('**EU AI Act dates for your use cases**')
    expect(summary).toContain(`_${fintechAssessment.summary.disclaimer}_`)
  })

  it("does not tell a report without today's arrangement to bring in a leader the company may have", () => {
    const markdown = renderMarkdown(startupAssessment)
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## ⛔'))
    expect(summary).not.toContain('someone to bring in')
    if (startupAssessment.summary.seats.some((seat) => seat.holder === null))
      expect(summary).toContain('open (today’s leaders were not given)')
  })

  it('renders the roadmap with each trigger', () => {
    expect(renderMarkdown(startupAssessment)).toContain(
      [
        '| now | One fractional CTO/CAIO (`unified-fractional`) | 1 |  |',
        '| 2027-Q2 | Separate fractional CTO and CAIO (`separate-fractional`) | 2 | employees 12 → 40: midsize |',
      ].join('\n'),
    )
  })

  it('ends with the playbook id and version', () => {
    expect(
      renderMarkdown(fintechAssessment).endsWith(
        '---\n\nPlaybook `tandem-default` version `1.0.0` · `tandem/assessment@1` · made with Tandem\n',
      ),
    ).toBe(true)
  })

  it('keeps a use case name with Markdown syntax literal', () => {
    const hostile: Assessment = {
      ...fintechAssessment,
      stakes: {
        ...fintechAssessment.stakes,
        useCases: [
          {
            name: '# [x](javascript:alert(1))\n## y',
            level: 'normal',
            reason: 'r',
            classification: null,
          },
        ],
      },
    }
    expect(renderMarkdown(hostile)).toContain('### \\# \\[x\\](javascript:alert(1)) ## y\n')
  })
})
