import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInputWithSeats } from '../../test/engine-arbitraries.js'
import { aProfile, anExample, thePlaybook } from '../../test/engine-builders.js'
import { assess } from './assess.js'
import { validateProfile } from './validate-profile.js'

describe('the executive summary (framework.md §9)', () => {
  it('says the structure and who sits where, by name', () => {
    const a = assess(anExample('fit/keep-the-cto.yaml'), thePlaybook())
    expect(a.summary.headline).toBe(
      'Full-time AI-fluent CTO with a fractional CAIO: Dana Okafor as full-time CTO, a new fractional CAIO.',
    )
    expect(a.summary.seats).toEqual([
      { title: 'CTO', engagement: 'full-time', holder: 'Dana Okafor' },
      { title: 'CAIO', engagement: 'fractional', holder: null },
    ])
    expect(a.summary.disclaimer).toBe('This assessment is advice, not legal advice.')
  })

  it('says when today’s leaders were not given instead of advising to bring them in', () => {
    const a = assess(anExample('startup-seed.yaml'), thePlaybook())
    expect(a.summary.headline).toBe(
      "One fractional CTO/CAIO: a fractional CTO/CAIO (today's leaders were not given, so every seat reads as open).",
    )
  })

  it('keeps at most three findings, blocking first then critical, and at most three next steps', () => {
    const a = assess(
      aProfile({
        employees: 60,
        engineers: 20,
        ai: {
          centrality: 'core',
          functions: ['sales', 'operations', 'finance'],
          useCases: [{ name: 'Citizen score', socialScoring: true }],
        },
        current: {
          seats: [
            { title: 'CTO', engagement: 'full-time', name: 'Ada', responsibilities: 17 },
            { title: 'CAIO', engagement: 'fractional', name: 'Ben', shippedAiSystems: false },
          ],
          alignmentMeetingsPerMonth: 1,
          aiPilots: 12,
          aiInProduction: 0,
          roiMeasured: false,
        },
      }),
      thePlaybook(),
    )
    expect(a.summary.findings.map((f) => [f.id, f.severity])).toEqual([
      ['prohibited-use-case', 'blocking'],
      ['caio-without-technical-depth', 'critical'],
      ['roles-later', 'critical'],
    ])
    expect(a.summary.nextSteps).toHaveLength(3)
    expect(a.summary.nextSteps[0]).toBe(a.findings[0]?.message)
    expect(a.summary.findings[1]?.text).toBe(
      '"The CAIO doesn\'t need technical depth": Ben has not built and shipped AI systems in past roles; 12 AI pilots and 0 in production: pilots proliferate, production stalls; AI outcomes are not measured against a baseline: ROI stays theoretical.',
    )
  })

  it('lists the dated EU AI Act milestones of the use cases, by date, with the use cases each concerns', () => {
    const a = assess(anExample('fintech-200.yaml'), thePlaybook())
    const dates = a.summary.milestones.map((m) => m.date)
    expect(dates).toEqual([...dates].sort())
    expect(a.summary.milestones.length).toBeGreaterThan(0)
    const general = a.summary.milestones.find((m) => m.date === '2026-08-02')
    expect(general?.useCases).toEqual(['Credit risk modelling', 'Support assistant'])
    expect(assess(anExample('startup-seed.yaml'), thePlaybook()).summary.milestones).toEqual([])
  })
})

describe('severity and symptoms (framework.md §5)', () => {
  it('makes 12 pilots with none in production and a CTO with 17 areas critical, even where AI is only important', () => {
    const a = assess(
      aProfile({
        employees: 60,
        engineers: 20,
        ai: { centrality: 'important', functions: ['sales', 'operations'] },
        current: {
          seats: [{ title: 'CTO', engagement: 'full-time', responsibilities: 17 }],
          aiPilots: 12,
          aiInProduction: 0,
        },
      }),
      thePlaybook(),
    )
    expect(a.antiPatterns.map((p) => [p.id, p.severity])).toEqual([
      ['cto-can-handle-ai', 'critical'],
    ])
    expect(a.antiPatterns[0]?.evidence.map((e) => e.text)).toContain(
      'the full-time CTO is responsible for 17 areas',
    )
  })

  it('counts pilot and ROI symptoms for the partners where the CAIO has shipped AI', () => {
    const a = assess(
      aProfile({
        employees: 60,
        engineers: 20,
        ai: { centrality: 'important', functions: ['sales', 'operations'] },
        current: {
          seats: [
            { title: 'CTO', engagement: 'full-time', ledTechOrg: true },
            { title: 'CAIO', engagement: 'fractional', shippedAiSystems: true },
          ],
          roleCharter: true,
          alignmentMeetingsPerMonth: 4,
          aiPilots: 9,
          aiInProduction: 1,
          roiMeasured: false,
        },
      }),
      thePlaybook(),
    )
    expect(a.antiPatterns.map((p) => [p.id, p.severity, p.evidence.map((e) => e.field)])).toEqual([
      ['partners-dont-talk', 'critical', ['current.aiPilots', 'current.roiMeasured']],
    ])
  })

  it('puts every remedy among the steps, and no remedy adds a seat the structure lacks', () => {
    for (const file of [
      'midsize-logistics.yaml',
      'fit/keep-the-cto.yaml',
      'fit/caio-needs-depth.yaml',
      'fit/founder-with-a-gap.yaml',
    ]) {
      const a = assess(anExample(file), thePlaybook())
      for (const p of a.antiPatterns) expect(a.recommendation.change.steps).toContain(p.remedy)
      if (!a.recommendation.seats.some((s) => s.title === 'CAIO'))
        for (const p of a.antiPatterns)
          expect(p.remedy).not.toMatch(/a (fractional|full-time) CAIO/)
    }
  })
})

describe('remedies and the summary over generated profiles with today’s seats', () => {
  it('puts every remedy among the steps, adds no seat the structure lacks, and keeps the summary short', () => {
    fc.assert(
      fc.property(aProfileInputWithSeats, (input) => {
        const r = validateProfile(input)
        if (!r.ok) throw new Error(JSON.stringify(r.error))
        const a = assess(r.value, thePlaybook())
        const titles = a.recommendation.seats.map((s) => s.title)
        for (const p of a.antiPatterns) {
          expect(a.recommendation.change.steps).toContain(p.remedy)
          if (/\b(fractional|full-time) CAIO\b/.test(p.remedy)) expect(titles).toContain('CAIO')
        }
        expect(a.summary.findings.length).toBeLessThanOrEqual(3)
        expect(a.summary.nextSteps.length).toBeLessThanOrEqual(3)
        expect(a.summary.seats.map((s) => s.title)).toEqual(titles)
      }),
      { numRuns: 300 },
    )
  })
})
