import { describe, expect, it } from 'vitest'
import type { Assessment } from '../engine/types.js'
import { fintechAssessment } from '../../test/fixtures/assessment-fintech.js'
import { startupAssessment } from '../../test/fixtures/assessment-startup.js'
import { renderHtml } from './render-html.js'

const sectionIds = (html: string): string[] =>
  [...html.matchAll(/<section class="[^"]*" id="([^"]+)"/g)].map((match) => match[1] ?? '')

describe('renderHtml', () => {
  it('declares the strict content security policy', () => {
    expect(renderHtml(fintechAssessment)).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    )
  })

  it('escapes a <script> in the organization name everywhere it appears', () => {
    const html = renderHtml(startupAssessment)
    expect(html).not.toContain('<script')
    expect(html).toContain('<h1>Acme &lt;script&gt;alert(1)&lt;/script&gt; | *Labs* &amp; Co</h1>')
    expect(html).toContain(
      '<title>Tandem assessment: Acme &lt;script&gt;alert(1)&lt;/script&gt; | *Labs* &amp; Co</title>',
    )
  })

  it('refers to nothing outside the file', () => {
    const html = renderHtml(startupAssessment)
    expect(html.match(/\b(src|href)="(?!data:)[^"]*"/g)).toBeNull()
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/)
    expect(html).not.toMatch(/@import|url\(/)
  })

  it('puts the summary first, then the blocking banner, in the Markdown section order', () => {
    expect(sectionIds(renderHtml(startupAssessment))).toEqual([
      'summary',
      'blocking',
      'recommendation',
      'questions',
      'stakes',
      'anti-patterns',
      'charter',
      'cadence',
      'counterfactuals',
      'roadmap',
    ])
  })

  it('shows notes last and no banner without blocking findings', () => {
    // The summary opens every report.
    expect(sectionIds(renderHtml(fintechAssessment))).toEqual([
      'summary',
      'recommendation',
      'questions',
      'stakes',
      'anti-patterns',
      'charter',
      'cadence',
      'counterfactuals',
      'roadmap',
      'notes',
    ])
  })

  it('draws the questions, the charter and the roadmap as inline SVG', () => {
    const html = renderHtml(fintechAssessment)
    expect(html.match(/<svg class="chart [^"]+"/g)).toEqual([
      '<svg class="chart chart-questions"',
      '<svg class="chart chart-charter"',
      '<svg class="chart chart-roadmap"',
    ])
  })

  it('shows each use case with its tier badge, basis and obligations', () => {
    const html = renderHtml(fintechAssessment)
    expect(html).toContain(
      '<h3><span class="badge badge-high">High-risk</span>Credit risk model</h3>',
    )
    expect(html).toContain('<li><strong>Annex III 5(b)</strong>: Evaluating creditworthiness')
    expect(html).toContain('<li>Human oversight (Art. 14)</li>')
    expect(html).toContain('<p class="meta">As of 2026-11-01</p>')
  })

  it('marks critical anti-patterns and escapes their evidence', () => {
    const assessment: Assessment = {
      ...fintechAssessment,
      antiPatterns: [
        {
          ...fintechAssessment.antiPatterns[0]!,
          evidence: [{ field: 'current.seats', value: '<b>CTO</b>', text: 'a & b' }],
        },
      ],
    }
    expect(renderHtml(assessment)).toContain(
      '<article class="finding critical"><h3><span class="badge badge-critical">Critical</span>' +
        'The CTO can handle AI <code>cto-can-handle-ai</code></h3><ul class="plain"><li>' +
        'a &amp; b</li></ul>',
    )
  })

  it('ends with the playbook id and version in the footer', () => {
    expect(renderHtml(fintechAssessment)).toContain(
      '<footer class="report-foot">Playbook <code>tandem-default</code> version <code>1.0.0</code>',
    )
  })
})
