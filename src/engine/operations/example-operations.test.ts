import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import { exampleOperations } from '../../../test/operations-builders.js'
import { buildDigest } from './build-digest.js'
import { buildHandoffPack } from './build-handoff-pack.js'
import { signals } from './signals.js'

const playbook = thePlaybook()
const operations = exampleOperations()

describe('examples/operations/meridian-freight.yaml', () => {
  it('raises these signals at the end of November 2026', () => {
    const result = signals(operations, playbook, '2026-11-30')
    expect(
      result.signals.map((s) => [s.key, s.severity, s.antiPattern, s.acknowledged !== undefined]),
    ).toEqual([
      ['production-stalls:initiative/driver-scheduling', 'warning', 'partners-dont-talk', true],
      ['partners-dont-talk:organization', 'warning', 'partners-dont-talk', false],
      ['lenses-disagree:initiative/pricing-copilot', 'warning', 'partners-dont-talk', false],
      [
        'infrastructure-cant-support:initiative/demand-forecast',
        'warning',
        'partners-dont-talk',
        false,
      ],
      ['unowned-work:decision/d-1102-1', 'warning', 'roles-later', false],
      ['gate-overridden:initiative/support-chatbot', 'warning', 'roles-later', false],
    ])
  })

  it('had only the overridden gate open at the end of September', () => {
    expect(signals(operations, playbook, '2026-09-30').signals.map((s) => s.key)).toEqual([
      'gate-overridden:initiative/support-chatbot',
    ])
  })
})

describe('buildDigest', () => {
  const digest = buildDigest(operations, playbook, { since: '2026-11-01', until: '2026-11-30' })

  it('covers the period: moves, reviews, measurements, decisions made and due, meetings held', () => {
    expect(digest.period).toEqual({ since: '2026-11-01', until: '2026-11-30' })
    expect(digest.stageMoves.map((m) => [m.initiative, m.from, m.to])).toEqual([
      ['doc-extraction', 'idea', 'pilot'],
    ])
    expect(digest.measurements.map((m) => [m.initiative, m.value, m.progress])).toEqual([
      ['route-eta', 301, (301 - 420) / (250 - 420)],
      ['invoice-triage', 29, (29 - 40) / (25 - 40)],
    ])
    expect(digest.decisionsMade.map((d) => d.id)).toEqual(['d-1102-1', 'd-1109-1'])
    expect(digest.decisionsDue.map((d) => [d.id, d.due])).toEqual([
      ['d-1012-1', '2026-10-30'],
      ['d-1102-1', '2026-11-20'],
    ])
    expect(digest.meetingsHeld.map((m) => m.date)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-30',
    ])
  })

  it('lists signals raised and cleared against the day before the period', () => {
    expect(digest.signalsRaised.map((s) => s.key)).toEqual([
      'production-stalls:initiative/driver-scheduling',
      'partners-dont-talk:organization',
      'infrastructure-cant-support:initiative/demand-forecast',
      'unowned-work:decision/d-1102-1',
    ])
    expect(digest.signalsCleared.map((s) => s.key)).toEqual([])
  })

  it('hides internal initiatives, decisions and notes from the client audience', () => {
    expect(digest.audience).toBe('client')
    expect(digest.reviews.map((r) => r.initiative)).not.toContain('pricing-copilot')
    expect(digest.signalsOpen.map((s) => s.key)).not.toContain(
      'lenses-disagree:initiative/pricing-copilot',
    )
    const internal = buildDigest(operations, playbook, {
      since: '2026-11-01',
      until: '2026-11-30',
      audience: 'internal',
    })
    expect(internal.reviews.map((r) => [r.initiative, r.note])).toContainEqual([
      'pricing-copilot',
      "Needs the rate engine's credentials; no segregation yet.",
    ])
  })

  it('defaults to the last 7 days', () => {
    expect(buildDigest(operations, playbook, { until: '2026-11-30' }).period).toEqual({
      since: '2026-11-24',
      until: '2026-11-30',
    })
  })
})

describe('buildHandoffPack', () => {
  const pack = buildHandoffPack(operations, playbook, '2026-11-30')

  it('lists seats, open decisions, initiatives by stage with their gate gaps, overrides and high-risk duties', () => {
    expect(pack.seats.map((s) => [s.title, s.name, s.assignments.map((a) => a.memberId)])).toEqual([
      ['CTO', 'Dana Okafor', ['dana']],
      ['CAIO', 'Luis Ferreira', ['luis']],
    ])
    expect(pack.openDecisions.map((d) => d.id)).toEqual(['d-1012-1', 'd-1102-1'])
    expect(pack.stages.map((g) => [g.stage, g.initiatives.map((i) => i.id)])).toEqual([
      ['pilot', ['driver-scheduling', 'demand-forecast', 'doc-extraction']],
      ['production', ['route-eta', 'invoice-triage', 'support-chatbot']],
      ['stopped', ['fleet-maintenance']],
    ])
    expect(pack.stages[0]?.initiatives[1]?.gateGaps.map((g) => g.item)).toEqual([
      'cto-build-yes',
      'cto-scale-yes',
      'cto-secure-yes',
    ])
    expect(pack.overrides).toEqual([
      {
        initiative: 'support-chatbot',
        title: 'Customer support chatbot',
        at: '2026-08-17',
        to: 'production',
        by: 'CAIO',
        reason: 'Launch promised to the two largest shippers for September',
        open: ['EU AI Act limited tier: transparency duty Art. 50(1) is not marked done'],
      },
    ])
    expect(
      pack.highRisk.map((h) => [
        h.initiative,
        h.oversightOwner,
        h.obligations.map((o) => [o.id, o.done]),
      ]),
    ).toEqual([
      [
        'driver-scheduling',
        null,
        [
          ['Art. 4', true],
          ['Art. 26', false],
          ['Art. 27', false],
        ],
      ],
    ])
  })
})
