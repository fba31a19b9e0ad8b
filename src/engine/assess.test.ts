import { describe, expect, it } from 'vitest'
import { aProfile, anExample, thePlaybook } from '../../test/engine-builders.js'
import type { ProfileInput } from './profile-schema.js'
import { assess } from './assess.js'

const assessed = (overrides: Partial<ProfileInput>) => assess(aProfile(overrides), thePlaybook())
const TWO_SEATS = [
  { title: 'CTO' as const, engagement: 'full-time' as const, ledTechOrg: true },
  { title: 'CAIO' as const, engagement: 'fractional' as const, shippedAiSystems: true },
]

describe('assess: the article’s examples', () => {
  it.each([
    ['fintech-200.yaml', 'separate-full-time', 'large-ai-core'],
    ['midsize-logistics.yaml', 'cto-plus-fractional-caio', 'growth-default'],
    ['startup-seed.yaml', 'unified-fractional', 'startup-default'],
    ['growth-plan.yaml', 'unified-fractional', 'startup-default'],
  ] as const)('%s gets %s by rule %s', (file, structure, rule) => {
    const a = assess(anExample(file), thePlaybook())
    expect([a.recommendation.structure, a.recommendation.rule]).toEqual([structure, rule])
  })

  it('walks the growth plan along the fractional path with a trigger per transition', () => {
    // The searches each move needs are checked in hiring/plan-searches.test.ts.
    const roadmap = assess(anExample('growth-plan.yaml'), thePlaybook()).roadmap.map(
      ({ at, structure, stage, trigger }) => ({ at, structure, stage, trigger }),
    )
    expect(roadmap).toEqual([
      { at: 'now', structure: 'unified-fractional', stage: 1, trigger: null },
      {
        at: '2027-Q1',
        structure: 'separate-fractional',
        stage: 2,
        trigger: 'reach narrow → broad (employees 18 → 26, engineers 8 → 12, ai.functions 1 → 3)',
      },
      {
        at: '2027-Q4',
        structure: 'cto-plus-fractional-caio',
        stage: 3,
        trigger:
          'size startup → midsize, budget fractional → one (employees 26 → 55, engineers 12 → 22, budget.fullTimeLeaders 0 → 1)',
      },
      {
        at: '2028-Q4',
        structure: 'separate-full-time',
        stage: 3,
        trigger:
          'size midsize → large, complexity low → high, centrality important → core, budget one → two, aiDemand dedicated → full (employees 55 → 140, engineers 22 → 45, products 1 → 2, ai.centrality important → core, budget.fullTimeLeaders 1 → 2)',
      },
    ])
  })

  it('keeps the fintech’s structure and finds no anti-pattern', () => {
    const a = assess(anExample('fintech-200.yaml'), thePlaybook())
    expect([a.recommendation.change.kind, a.antiPatterns]).toEqual(['keep', []])
  })

  it('shares the charter, cadence, seats, why and source with the compiled playbook', () => {
    const playbook = thePlaybook()
    const a = assess(anExample('midsize-logistics.yaml'), playbook)
    const b = assess(anExample('midsize-logistics.yaml'), playbook)
    const structure = a.recommendation.structure
    expect(a.cadence).toBe(playbook.cadences[structure])
    expect(a.cadence).toEqual({
      alignmentPerMonth: playbook.doc.thresholds.alignment.recommendedPerMonth,
      summary: playbook.doc.cadence.twoSeats,
      handoffZones: playbook.doc.handoffZones,
    })
    expect(a.recommendation.seats).toEqual([
      { title: 'CTO', engagement: 'full-time' },
      { title: 'CAIO', engagement: 'fractional' },
    ])
    for (const part of ['seats', 'why', 'source'] as const) {
      expect(Object.isFrozen(a.recommendation[part])).toBe(true)
      expect(a.recommendation[part]).toBe(b.recommendation[part])
    }
    expect(a.charter).toBe(b.charter)
    // Without today's seats the change is the playbook's own; with them it names the people.
    const c = assess(anExample('startup-seed.yaml'), playbook)
    expect(c.recommendation.change).toBe(
      assess(anExample('startup-seed.yaml'), playbook).recommendation.change,
    )
  })

  it('shares the answers whose finding has no placeholder, and fills in the others', () => {
    const playbook = thePlaybook()
    const a = assess(anExample('midsize-logistics.yaml'), playbook)
    const b = assess(anExample('midsize-logistics.yaml'), playbook)
    const shared = a.questions.filter((q, i) => q === b.questions[i]).map((q) => q.id)
    expect(shared).toEqual(['ai-centrality', 'failure-stakes', 'budget'])
    const [complexity] = a.questions
    expect(complexity).toEqual({
      id: 'complexity',
      level: 'low',
      finding: '1 product and 18 engineers: one leader can combine the roles.',
      source: playbook.passages['q-complexity-low']?.text,
    })
    expect(Object.isFrozen(complexity)).toBe(false)
  })

  it('records the playbook and the schema', () => {
    const a = assess(anExample('startup-seed.yaml'), thePlaybook())
    expect([a.schema, a.playbook]).toEqual([
      'tandem/assessment@1',
      { id: 'tandem-default', version: '1.0.0' },
    ])
  })
})

describe('assess: the recommendation explains itself', () => {
  it('lists the facts that matched the rule and the article’s passage', () => {
    const r = assessed({ employees: 20, engineers: 5, industry: 'healthcare' }).recommendation
    expect(r.facts).toEqual([
      { name: 'size', value: 'startup' },
      { name: 'stakes', value: 'high' },
    ])
    expect(r.source[0]).toBe(
      "In healthcare, finance, or legal -- where failures mean regulatory violations or safety issues -- dedicated governance through a CAIO isn't optional.",
    )
  })

  it('names the budget cap and its reason when one applies', () => {
    const r = assessed({
      employees: 50,
      engineers: 10,
      ai: { centrality: 'important' },
      budget: { fullTimeLeaders: 0 },
    }).recommendation
    expect([r.rule, r.cap, r.why[1]]).toEqual([
      'growth-default',
      'cap-fractional-budget',
      'No budget for a full-time leader: both seats are fractional.',
    ])
  })

  it.each([
    ['establish', undefined, 'unified-fractional'],
    ['keep', [{ title: 'CTO/CAIO', engagement: 'fractional' }], 'unified-fractional'],
    // §4a: the full-time CTO is kept, and the AI function gets a fractional seat of its own.
    ['evolve', [{ title: 'CTO', engagement: 'full-time' }], 'cto-plus-fractional-caio'],
    ['restructure', [{ title: 'CAIO', engagement: 'full-time' }], 'separate-fractional'],
  ] as const)('says %s when today’s seats are %j', (kind, seats, structure) => {
    const a = assessed(seats ? { current: { seats: [...seats] } } : {})
    expect([a.recommendation.change.kind, a.recommendation.change.to]).toEqual([kind, structure])
  })

  it('says evolve, with the seat to bring in, when the recommendation is further along the fractional path', () => {
    const change = assessed({
      employees: 50,
      engineers: 10,
      ai: { centrality: 'important' },
      current: { seats: [{ title: 'CTO', engagement: 'full-time' }], roleCharter: false },
    }).recommendation.change
    expect(change.kind).toBe('evolve')
    expect(change.from).toBe('cto-owns-ai')
    expect(change.steps.slice(0, 3)).toEqual([
      'The full-time CTO stays in the full-time CTO seat.',
      "Close the full-time CTO's gap as full-time CTO: AI fluency, by working alongside someone who has built and shipped AI systems and owning the technical side of the AI roadmap.",
      'Bring in a fractional CAIO who has built and shipped AI systems in past roles and owns AI strategy, governance and ROI.',
    ])
  })
})

describe('assess: counterfactuals', () => {
  it('lists the nearest change of each input that changes the structure, nearest first', () => {
    const a = assessed({
      employees: 80,
      engineers: 30,
      products: 2,
      ai: { centrality: 'core' },
      budget: { fullTimeLeaders: 2 },
    })
    expect(a.recommendation.structure).toBe('cto-plus-fractional-caio')
    expect(a.counterfactuals.map((c) => [c.field, c.from, c.to, c.structure])).toEqual([
      ['employees', 80, 100, 'separate-full-time'],
      ['budget.fullTimeLeaders', 2, 0, 'separate-fractional'],
    ])
    expect(a.counterfactuals[0]?.summary).toBe('at 100 employees this becomes separate-full-time')
  })

  it('never proposes fewer employees than engineers', () => {
    // 29 employees would make this a startup, but it has 30 engineers: not a profile that can exist.
    const a = assessed({
      employees: 80,
      engineers: 30,
      products: 2,
      ai: { centrality: 'core' },
      budget: { fullTimeLeaders: 2 },
    })
    expect(a.counterfactuals.filter((c) => c.field === 'employees').map((c) => c.to)).toEqual([100])
  })

  it('leads with the grow triggers, then the shrink ones, each nearest first, field order breaking ties', () => {
    const a = assessed({ employees: 20, engineers: 5, ai: { centrality: 'core' } })
    expect(a.recommendation.structure).toBe('unified-full-time')
    expect(a.counterfactuals.map((c) => [c.field, c.to, c.structure, c.direction])).toEqual([
      ['employees', 30, 'cto-plus-fractional-caio', 'grow'],
      ['ai.stakes', 'high', 'separate-fractional', 'grow'],
      ['ai.functions', 3, 'separate-fractional', 'grow'],
      ['ai.centrality', 'important', 'unified-fractional', 'shrink'],
      ['budget.fullTimeLeaders', 0, 'unified-fractional', 'shrink'],
    ])
  })

  it('puts the next trigger upward first for a large organization', () => {
    const a = assessed({
      employees: 150,
      engineers: 40,
      products: 2,
      industry: 'manufacturing',
      ai: { centrality: 'core', functions: ['operations', 'supply-chain'] },
      budget: { fullTimeLeaders: 1 },
    })
    expect(a.counterfactuals[0]).toMatchObject({
      field: 'budget.fullTimeLeaders',
      to: 2,
      structure: 'separate-full-time',
      direction: 'grow',
    })
    expect(a.counterfactuals.some((c) => c.direction === 'shrink')).toBe(true)
    expect(a.counterfactuals.map((c) => c.direction)).toEqual(
      [...a.counterfactuals.map((c) => c.direction)].sort(),
    )
  })
})

describe('assess: anti-patterns (framework.md §5)', () => {
  it('finds "the CTO can handle AI" as critical when AI is core, with each symptom as evidence', () => {
    const a = assessed({
      employees: 60,
      engineers: 20,
      ai: { centrality: 'core' },
      current: {
        seats: [{ title: 'CTO', engagement: 'full-time', responsibilities: 17 }],
        aiPilots: 6,
        aiInProduction: 1,
        roiMeasured: false,
      },
    })
    const finding = a.antiPatterns.find((p) => p.id === 'cto-can-handle-ai')
    expect(finding?.severity).toBe('critical')
    expect(finding?.evidence.map((e) => e.field)).toEqual([
      'current.seats',
      'aiDemand',
      'current.seats[0].responsibilities',
      'current.aiPilots',
      'current.roiMeasured',
    ])
  })

  it('does not find "the CTO can handle AI" when there is no AI demand', () => {
    const a = assessed({
      employees: 60,
      engineers: 20,
      current: { seats: [{ title: 'CTO', engagement: 'full-time' }] },
    })
    expect(a.antiPatterns).toEqual([])
  })

  it('rates "the CTO can handle AI" a warning when AI is important but not full', () => {
    const a = assessed({
      employees: 60,
      engineers: 20,
      ai: { centrality: 'important' },
      current: { seats: [{ title: 'CTO', engagement: 'full-time' }] },
    })
    expect(a.antiPatterns.map((p) => [p.id, p.severity])).toEqual([
      ['cto-can-handle-ai', 'warning'],
    ])
  })

  it('finds a CAIO without technical depth', () => {
    const a = assessed({
      current: { seats: [{ title: 'CAIO', engagement: 'fractional', shippedAiSystems: false }] },
    })
    expect(a.antiPatterns.map((p) => [p.id, p.severity, p.evidence[0]?.field])).toEqual([
      // Critical only where AI demand is full, or with two symptoms (framework.md §5).
      ['caio-without-technical-depth', 'warning', 'current.seats[0].shippedAiSystems'],
    ])
  })

  it.each([
    [{ shippedAiSystems: false, ledTechOrg: true }, ['current.seats[0].shippedAiSystems']],
    [{ shippedAiSystems: true, ledTechOrg: false }, ['current.seats[0].ledTechOrg']],
    [
      { shippedAiSystems: false, ledTechOrg: false },
      ['current.seats[0].shippedAiSystems', 'current.seats[0].ledTechOrg'],
    ],
  ])('finds a unified leader without dual depth (%j)', (depth, fields) => {
    const a = assessed({
      current: { seats: [{ title: 'CTO/CAIO', engagement: 'fractional', ...depth }] },
    })
    expect(a.antiPatterns.map((p) => [p.id, p.evidence.map((e) => e.field)])).toEqual([
      ['unified-without-dual-depth', fields],
    ])
  })

  it('finds "roles later" with two seats and no charter', () => {
    const a = assessed({
      current: { seats: TWO_SEATS, roleCharter: false, alignmentMeetingsPerMonth: 4 },
    })
    expect(a.antiPatterns.map((p) => p.id)).toEqual(['roles-later'])
  })

  it('finds "roles later" in a supplied charter whose row has two Accountables', () => {
    const profile = aProfile({
      current: { seats: TWO_SEATS, roleCharter: true, alignmentMeetingsPerMonth: 4 },
    })
    const charter = thePlaybook().charters['separate-fractional']
    const broken = {
      ...charter,
      rows: charter.rows.map((r, i) =>
        i === 0 ? { ...r, cells: { ...r.cells, CAIO: 'A' as const } } : r,
      ),
    }
    const finding = assess(profile, thePlaybook(), { charter: broken }).antiPatterns[0]
    expect([finding?.id, finding?.evidence[0]?.text]).toEqual([
      'roles-later',
      'the charter in use: row "platforms" has 2 Accountables (CTO, CAIO); it needs exactly one',
    ])
  })

  it.each([
    [0, 'critical'],
    [1.5, 'critical'],
    [2, 'warning'],
    [3, 'warning'],
  ] as const)(
    'finds partners who do not talk at %d meetings a month (%s)',
    (meetings, severity) => {
      const a = assessed({
        current: { seats: TWO_SEATS, roleCharter: true, alignmentMeetingsPerMonth: meetings },
      })
      expect(a.antiPatterns.map((p) => [p.id, p.severity])).toEqual([
        ['partners-dont-talk', severity],
      ])
    },
  )

  it('asks for the meeting cadence instead of guessing when it is missing', () => {
    const a = assessed({ current: { seats: TWO_SEATS, roleCharter: true } })
    expect(a.antiPatterns).toEqual([])
    expect(a.notes).toEqual([
      'How often do the CTO and CAIO meet for strategic alignment? Set current.alignmentMeetingsPerMonth to check for "CTO and CAIO don\'t need to talk much".',
    ])
  })
})

describe('assess: stakes and blocking findings', () => {
  it('says when the stakes were overridden', () => {
    const a = assessed({
      industry: 'healthcare',
      ai: { centrality: 'peripheral', stakes: 'normal' },
    })
    expect([a.stakes.level, a.stakes.derived, a.stakes.overridden]).toEqual([
      'normal',
      'high',
      true,
    ])
    expect(a.notes[0]).toBe(
      'Failure stakes were set to "normal" in the profile (ai.stakes); the profile\'s industry and use cases give "high".',
    )
  })

  it('completes the assessment but blocks on a prohibited use case', () => {
    const a = assessed({
      ai: { centrality: 'important', useCases: [{ name: 'Citizen score', area: 'prohibited' }] },
    })
    expect(a.recommendation.structure).toBe('separate-fractional')
    expect(a.findings.map((f) => [f.id, f.severity, f.evidence[0]?.field])).toEqual([
      ['prohibited-use-case', 'blocking', 'ai.useCases[0]'],
    ])
  })
})

describe('assess: the EU AI Act classification of each use case (stakes.md)', () => {
  it('classifies each use case with its tier and basis; facts refine the area (fraud detection is not 5(b))', () => {
    const useCases = assess(anExample('fintech-200.yaml'), thePlaybook()).stakes.useCases
    expect(useCases.map((u) => [u.name, u.level, u.classification?.tier])).toEqual([
      ['Fraud detection', 'normal', 'minimal'],
      ['Credit risk modelling', 'high', 'high'],
      ['Support assistant', 'elevated', 'limited'],
    ])
    expect(useCases[1]?.classification?.basis.map((b) => b.ref)).toContain('Annex III 5(b)')
  })

  it('blocks on a use case the classifier finds prohibited, citing the article', () => {
    const a = assessed({
      ai: { centrality: 'important', useCases: [{ name: 'Citizen score', socialScoring: true }] },
    })
    expect(a.stakes.useCases[0]?.level).toBe('prohibited')
    expect(a.findings[0]?.message).toMatch(
      /^AI use case "Citizen score" is a prohibited practice \(.*Art\. 5\(1\)\(c\)/,
    )
  })

  it('raises failure stakes to high for an Annex III use case named only by its facts', () => {
    const a = assessed({
      ai: { centrality: 'important', useCases: [{ name: 'CV screening', point: '4a' }] },
    })
    expect([a.stakes.level, a.recommendation.structure]).toEqual(['high', 'separate-fractional'])
  })
})
