import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import type { SeatFit } from './fit-seats.js'
import {
  buildChanges,
  changeKey,
  describeChange,
  establish,
  holderName,
  withRemedies,
} from './describe-change.js'
import { STRUCTURES } from './vocabulary.js'

const CONTEXT = { fullTimeLeaders: 1, size: 'startup' } as const

describe('describeChange', () => {
  it('hands out the change the playbook built when today has no seats: every seat is new', () => {
    const playbook = thePlaybook()
    for (const to of STRUCTURES) {
      for (const roleCharter of [false, true]) {
        const profile = aProfile({ current: { seats: [], roleCharter } })
        const change = describeChange(profile, to, null, CONTEXT, playbook)
        expect(change).toBe(playbook.changes[changeKey(to, roleCharter)])
        expect(change).toEqual(establish(playbook.doc, to, roleCharter))
        const unknown = { ...profile }
        delete unknown.current
        const asked = describeChange(unknown, to, null, CONTEXT, playbook)
        expect(asked).toBe(playbook.changes[changeKey(to, roleCharter && false, false)])
        expect(asked.steps.some((s) => s.startsWith('Bring in'))).toBe(false)
        expect(change.assignments.every((a) => a.holder === 'new')).toBe(true)
        expect(Object.isFrozen(change.steps)).toBe(true)
      }
    }
    expect(Object.keys(buildChanges(playbook.doc))).toHaveLength(STRUCTURES.length * 4)
  })

  it('names the people: who stays, who moves, who is offered a seat, who leaves and why', () => {
    const playbook = thePlaybook()
    const seats = [
      { title: 'CTO/CAIO' as const, engagement: 'full-time' as const, name: 'Mira' },
      { title: 'CTO' as const, engagement: 'fractional' as const },
      { title: 'CAIO' as const, engagement: 'full-time' as const, name: 'Tom' },
    ]
    const fit: SeatFit = {
      structure: 'separate-full-time',
      assignments: [
        { title: 'CTO', engagement: 'full-time', holder: { current: 1 }, gaps: [] },
        { title: 'CAIO', engagement: 'full-time', holder: { current: 0 }, gaps: [] },
      ],
      departures: [{ current: 2, reason: 'not-qualified' }],
      fullTimeAt: {},
    }
    const change = describeChange(
      aProfile({ current: { seats, roleCharter: true } }),
      'separate-full-time',
      fit,
      { fullTimeLeaders: 2, size: 'large' },
      playbook,
    )
    expect([change.kind, change.from, change.summary]).toEqual([
      'restructure',
      null,
      "Restructure from today's full-time CTO/CAIO + fractional CTO + full-time CAIO to Separate full-time CTO and CAIO.",
    ])
    expect(change.steps).toEqual([
      'Offer the fractional CTO the full-time CTO seat; if the fractional CTO stays fractional, bring in a full-time CTO who has led a technology organization and owns platforms, infrastructure, security and reliability.',
      'Mira moves from the full-time CTO/CAIO seat to the full-time CAIO seat.',
      'Mira has depth in both domains, so the full-time CTO seat was open to Mira too.',
      "Tom's full-time CAIO seat ends: the recommended structure's seats need someone who has built and shipped AI systems in past roles and owns AI strategy, governance and ROI.",
      'Hold a weekly CTO–CAIO strategic alignment meeting.',
      'Review the structure against the five questions as the organization grows (see the roadmap).',
    ])
    expect([change.assignments, change.departures]).toEqual([fit.assignments, fit.departures])
  })

  it('says how a full-time holder moved to a fractional seat for budget stays full-time', () => {
    const playbook = thePlaybook()
    const seats = [{ title: 'CAIO' as const, engagement: 'full-time' as const, name: 'Ada' }]
    const fit: SeatFit = {
      structure: 'separate-fractional',
      assignments: [
        { title: 'CTO', engagement: 'fractional', holder: 'new', gaps: [] },
        {
          title: 'CAIO',
          engagement: 'fractional',
          holder: { current: 0 },
          gaps: [],
          reason: 'over-budget',
        },
      ],
      departures: [],
      fullTimeAt: { 0: 'two' },
    }
    const change = describeChange(
      aProfile({ current: { seats } }),
      'separate-fractional',
      fit,
      CONTEXT,
      playbook,
    )
    expect(change.steps[1]).toBe(
      'Ada moves to the fractional CAIO seat: the budget funds one full-time leader; with budget for two full-time leaders, Ada stays full-time.',
    )
  })

  it('names a holder by name, else by title with the seat number when titles repeat', () => {
    const seats = [
      { title: 'CTO' as const, engagement: 'fractional' as const },
      { title: 'CTO' as const, engagement: 'fractional' as const },
      { title: 'CAIO' as const, engagement: 'full-time' as const, name: 'Ada' },
    ]
    expect([0, 1, 2].map((i) => holderName(seats, i))).toEqual([
      'the fractional CTO (seat 1)',
      'the fractional CTO (seat 2)',
      'Ada',
    ])
  })

  it('puts every remedy among the steps before the closing review, in place of the steps it replaces', () => {
    const playbook = thePlaybook()
    const base = establish(playbook.doc, 'separate-fractional', false)
    const charterStep = playbook.doc.seating.steps.charter
    const remedy = playbook.doc.antiPatterns['roles-later'].remedies.charter
    const change = withRemedies(base, [remedy, remedy], [charterStep])
    expect(change.steps).not.toContain(charterStep)
    expect(change.steps.filter((s) => s === remedy)).toHaveLength(1)
    expect(change.steps.at(-1)).toBe(playbook.doc.seating.steps.review)
    expect(withRemedies(base, [])).toBe(base)
  })
})
