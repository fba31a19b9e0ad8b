import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { exampleOperations } from '../../test/operations-builders.js'
import { assess } from '../engine/assess.js'
import { buildDigest } from '../engine/operations/build-digest.js'
import { buildWorkspaceDigest } from '../engine/operations/build-workspace-digest.js'
import { operationalFacts } from '../engine/operations/operational-facts.js'
import { renderHtml } from './render-html.js'
import { renderMarkdown } from './render-markdown.js'
import { renderDigestHtml } from './render-digest-html.js'
import { renderDigestJson } from './render-digest-json.js'
import { renderDigestMarkdown } from './render-digest-markdown.js'

const playbook = thePlaybook()
const operations = exampleOperations()
const digest = buildDigest(operations, playbook, { since: '2026-11-01', until: '2026-11-30' })

describe('renderDigestMarkdown', () => {
  const markdown = renderDigestMarkdown(digest, { initiative: (id) => `/initiatives/${id}` })

  it('opens with the organization and the period', () => {
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# Tandem digest: Meridian Freight, 2026-11-01 to 2026-11-30',
      '',
      'For the client · playbook tandem-default 1.0.0',
    ])
  })

  it('lists each section in order, with links', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toEqual([
      '## Signals raised',
      '## Signals cleared',
      '## Open signals',
      '## Stage moves',
      '## Lens reviews',
      '## Measurements',
      '## Decisions made',
      '## Decisions due',
      '## Meetings held',
    ])
    expect(markdown).toContain(
      '- 2026-11-09 · Customs document extraction: moved idea → pilot by the CTO ([open](</initiatives/doc-extraction>))',
    )
    expect(markdown).toContain(
      '- 2026-11-03 · Invoice triage assistant: hours spent per week 29 h (73 % of the way to target)',
    )
  })

  it('leaves internal items out for the client', () => {
    expect(markdown).not.toContain('Dynamic pricing copilot')
    const internal = renderDigestMarkdown(
      buildDigest(operations, playbook, {
        since: '2026-11-01',
        until: '2026-11-30',
        audience: 'internal',
      }),
    )
    expect(internal).toContain('Dynamic pricing copilot')
  })

  it('renders a workspace digest with its totals and one section per organization', () => {
    const workspace = buildWorkspaceDigest(
      [operations, { ...operations, organization: { ...operations.organization, name: 'Acme' } }],
      playbook,
      {
        since: '2026-11-01',
        until: '2026-11-30',
      },
    )
    const lines = renderDigestMarkdown(workspace).split('\n')
    expect(lines[0]).toBe('# Tandem digest: 2 organizations, 2026-11-01 to 2026-11-30')
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Acme, 2026-11-01 to 2026-11-30',
      '## Meridian Freight, 2026-11-01 to 2026-11-30',
    ])
    expect(workspace.totals.signalsOpen).toBe(10)
  })
})

describe('renderDigestHtml', () => {
  const html = renderDigestHtml(digest)
  it('is one self-contained page: inline CSS, a CSP, no script and nothing loaded', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).not.toMatch(/<script|<link|src="http/)
    expect(html).toContain('<h1>Meridian Freight</h1>')
  })

  it('escapes user text', () => {
    const hostile = buildDigest(
      {
        ...operations,
        organization: { ...operations.organization, name: '<img src=x onerror=alert(1)>' },
      },
      playbook,
      { until: '2026-11-30' },
    )
    expect(renderDigestHtml(hostile)).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>')
  })
})

describe('renderDigestJson', () => {
  it('is the digest model itself', () => {
    expect(JSON.parse(renderDigestJson(digest))).toEqual(JSON.parse(JSON.stringify(digest)))
  })
})

describe('the assessment report with register facts', () => {
  it('says in the diagnosis which facts came from the register and as of when', () => {
    const profile = aProfile({
      employees: 65,
      engineers: 18,
      ai: { centrality: 'important', functions: ['sales', 'operations', 'customer-success'] },
      current: {
        seats: [
          { title: 'CTO', engagement: 'full-time', ledTechOrg: true, shippedAiSystems: true },
          { title: 'CAIO', engagement: 'fractional', shippedAiSystems: true },
        ],
        roleCharter: true,
        aiPilots: 1,
      },
    })
    const assessment = assess(profile, playbook, {
      register: operationalFacts(operations, playbook, '2026-11-30'),
    })
    const line =
      'From the register as of 2026-11-30, not the profile: current.aiPilots = 3 (the profile said 1); current.aiInProduction = 3; current.roiMeasured = yes; current.alignmentMeetingsPerMonth = 2.'
    const markdown = renderMarkdown(assessment)
    expect(markdown).toContain(line)
    expect(markdown.indexOf('From the register')).toBeGreaterThan(
      markdown.indexOf('## Anti-patterns'),
    )
    expect(renderHtml(assessment)).toContain(`<p class="meta register-note">${line}</p>`)
  })
})
