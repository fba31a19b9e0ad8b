import { describe, expect, it } from 'vitest'
import { assess } from '../engine/assess.js'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { renderHtml } from './render-html.js'
import { renderMarkdown } from './render-markdown.js'

// The EU AI Act dates in the assessment reports (stakes.md 2026-12), and the passages the HTML shows
// carried into the Markdown.

const assessment = () =>
  assess(
    aProfile({
      ai: {
        centrality: 'important',
        functions: [],
        useCases: [{ name: 'CV screening', point: '4a', role: 'deployer' }],
      },
    }),
    thePlaybook(),
  )

describe('the assessment reports and the EU AI Act dates', () => {
  it('lists the dates that apply to each use case in Markdown, with the ones to confirm marked', () => {
    const md = renderMarkdown(assessment())
    expect(md).toContain(
      '- **Dates that apply:**\n  - 2025-02-02, Art. 113(a): Chapters I and II apply',
    )
    expect(md).toContain(
      '  - 2027-12-02 **(to confirm)**, Regulation (EU) 2026/1744, Art. 113: The Annex III high-risk obligations apply from 2 December 2027 instead of 2 August 2026.',
    )
  })

  it('warns once, above the use cases, that changes dated 2 December 2026 are still to confirm', () => {
    const md = renderMarkdown(assessment())
    expect(md.match(/> \*\*Warning:\*\* As of 2026-12-07, changes dated 2026-12-02/g)).toHaveLength(
      1,
    )
    const html = renderHtml(assessment())
    expect(html.match(/<p class="warning-line">As of 2026-12-07/g)).toHaveLength(1)
    expect(html).toContain('<h4>Dates that apply</h4>')
  })

  it('carries the passage of each of the five questions into the Markdown, as the HTML shows it', () => {
    const a = assessment()
    const md = renderMarkdown(a)
    for (const q of a.questions) {
      expect(renderHtml(a)).toContain(q.source.replace(/'/g, '&#39;').replace(/"/g, '&quot;'))
      expect(md).toContain(`“${q.source}”`)
    }
  })
})
