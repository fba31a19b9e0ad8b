import type { InitiativeInput, MeetingInput, OperationsInput } from './operations-schema.js'
import type { SignalId } from './vocabulary.js'
import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import {
  aLive,
  aMeeting,
  aPilot,
  anInitiative,
  anOperations,
  bothYes,
  moves,
} from '../../../test/operations-builders.js'
import { signals } from './signals.js'

const playbook = thePlaybook()

function keysOf(
  id: SignalId,
  asOf: string,
  initiatives: InitiativeInput[],
  meetings: MeetingInput[] = [],
  organization?: OperationsInput['organization'],
): string[] {
  const operations = anOperations({
    initiatives,
    meetings,
    ...(organization ? { organization } : {}),
  })
  return signals(operations, playbook, asOf)
    .signals.filter((s) => s.id === id)
    .map((s) => s.key)
}

describe('signals: pilots-proliferate', () => {
  const pilots = (n: number) => Array.from({ length: n }, (_, i) => aPilot(`p${i}`, '2026-03-01'))
  it.each([
    ['2 pilots 61 days old', 2, '2026-05-01', []],
    ['3 pilots 60 days old', 3, '2026-04-30', []],
    ['3 pilots 61 days old', 3, '2026-05-01', ['pilots-proliferate:organization']],
    ['4 pilots 61 days old', 4, '2026-05-01', ['pilots-proliferate:organization']],
  ] as const)('with %s', (_name, n, asOf, expected) => {
    expect(keysOf('pilots-proliferate', asOf, pilots(n))).toEqual(expected)
  })

  it.each([
    ['1 of 3 concluded pilots decided (a third)', 2, []],
    ['1 of 4 concluded pilots decided (under a third)', 3, ['pilots-proliferate:organization']],
  ] as const)('with %s', (_name, backToIdea, expected) => {
    const concluded = [
      aLive('won', '2026-02-01', '2026-03-01'),
      ...Array.from({ length: backToIdea }, (_, i) =>
        anInitiative({
          id: `back${i}`,
          createdAt: '2026-01-02',
          history: moves(['2026-02-01', 'pilot'], ['2026-03-01', 'idea']),
        }),
      ),
    ]
    expect(keysOf('pilots-proliferate', '2026-05-01', [...pilots(3), ...concluded])).toEqual(
      expected,
    )
  })
})

describe('signals: production-stalls', () => {
  // Entered pilot 2026-03-01: due its decision 90 days later, 2026-05-30.
  it.each([
    ['29 days past its review date', '2026-06-28', []],
    ['30 days past its review date', '2026-06-29', ['production-stalls:initiative/p']],
    ['31 days past its review date', '2026-06-30', ['production-stalls:initiative/p']],
  ] as const)('with a pilot %s', (_name, asOf, expected) => {
    expect(keysOf('production-stalls', asOf, [aPilot('p', '2026-03-01')])).toEqual(expected)
  })

  it('takes a pilot’s own reviewBy date', () => {
    const pilot = aPilot('p', '2026-03-01', { reviewBy: '2026-04-01' })
    expect(keysOf('production-stalls', '2026-05-01', [pilot])).toEqual([
      'production-stalls:initiative/p',
    ])
  })

  const promoted = (days: number) =>
    [0, 1, 2].map((i) => {
      const live = new Date(Date.UTC(2026, 0, 10 + days)).toISOString().slice(0, 10)
      return aLive(`l${i}`, '2026-01-10', live)
    })
  it.each([
    ['90 days', 90, []],
    ['91 days', 91, ['production-stalls:organization']],
  ] as const)('with 3 promotions taking a median of %s', (_name, days, expected) => {
    expect(keysOf('production-stalls', '2026-06-01', promoted(days))).toEqual(expected)
  })

  it('needs at least 3 promotions for the median', () => {
    expect(keysOf('production-stalls', '2026-06-01', promoted(120).slice(0, 2))).toEqual([])
  })
})

describe('signals: roi-theoretical', () => {
  const measured = (id: string) =>
    aLive(id, '2026-01-05', '2026-02-01', { measurements: [{ at: '2026-03-01', value: 30 }] })
  const unmeasured = (id: string, live = '2026-02-01') => aLive(id, '2026-01-05', live)
  it.each([
    ['1 of 2 live initiatives measured (half)', [measured('a'), unmeasured('b')], []],
    [
      '1 of 3 live initiatives measured (under half)',
      [measured('a'), unmeasured('b'), unmeasured('c')],
      ['roi-theoretical:organization'],
    ],
    ['0 of 1 live initiative measured', [unmeasured('b')], ['roi-theoretical:organization']],
  ] as const)('with %s', (_name, initiatives, expected) => {
    expect(keysOf('roi-theoretical', '2026-04-01', [...initiatives])).toEqual(expected)
  })

  it.each([
    ['45 days', '2026-03-18', []],
    ['46 days', '2026-03-19', ['roi-theoretical:organization']],
  ] as const)('counts an initiative live for %s', (_name, asOf, expected) => {
    expect(keysOf('roi-theoretical', asOf, [unmeasured('b')])).toEqual(expected)
  })

  it.each([
    ['90 days old', '2026-05-30', []],
    ['91 days old', '2026-05-31', ['roi-theoretical:organization']],
  ] as const)('counts a measurement %s as stale or not', (_name, asOf, expected) => {
    expect(keysOf('roi-theoretical', asOf, [measured('a')])).toEqual(expected)
  })

  it('does not count a measurement from before the initiative went live', () => {
    const early = aLive('a', '2026-01-05', '2026-02-01', {
      measurements: [{ at: '2026-01-20', value: 30 }],
    })
    expect(keysOf('roi-theoretical', '2026-04-01', [early])).toEqual([
      'roi-theoretical:organization',
    ])
  })
})

describe('signals: partners-dont-talk', () => {
  const weekly = (dates: string[], attendees = [{ seat: 'CTO' }, { seat: 'CAIO' }]) =>
    dates.map((date, i) => aMeeting({ id: `m${i}`, date, attendees }))
  const asOf = '2026-06-28' // the 28-day window is 2026-06-01 … 2026-06-28
  const seed = [anInitiative({ createdAt: '2026-01-05' })]
  const fired = (meetings: MeetingInput[]) =>
    signals(anOperations({ initiatives: seed, meetings }), playbook, asOf).signals.filter(
      (s) => s.id === 'partners-dont-talk',
    )

  it.each([
    [4, []],
    [3, []],
    [2, ['warning']],
    [0, ['critical']],
  ] as const)('with %i weekly meetings held in the last 28 days', (n, expected) => {
    const dates = ['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23'].slice(0, n)
    expect(fired(weekly(dates)).map((s) => s.severity)).toEqual(expected)
  })

  it('does not count a meeting 28 days back', () => {
    const dates = ['2026-05-31', '2026-06-09', '2026-06-16']
    expect(fired(weekly(dates)).map((s) => s.severity)).toEqual(['warning'])
  })

  it('does not count cancelled or scheduled meetings', () => {
    const meetings = weekly(['2026-06-02', '2026-06-09', '2026-06-16']).map((m, i) => ({
      ...m,
      status: i === 0 ? ('cancelled' as const) : ('held' as const),
    }))
    expect(fired(meetings).map((s) => s.severity)).toEqual(['warning'])
  })

  it('fires when one seat attended none of the meetings', () => {
    const dates = ['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23']
    const found = fired(weekly(dates, [{ seat: 'CTO' }]))
    expect(found.map((s) => [s.severity, s.evidence[0]?.note])).toEqual([
      ['warning', 'the CAIO attended none of the 4 alignment meetings held in the last 28 days'],
    ])
  })

  it('does not count days before the register started', () => {
    const operations = anOperations({
      organization: {
        name: 'New',
        seats: [{ title: 'CTO' }, { title: 'CAIO' }],
        registerStarted: '2026-06-20',
      },
      meetings: weekly(['2026-06-23']),
    })
    expect(signals(operations, playbook, asOf).signals.map((s) => s.id)).toEqual([])
  })

  it('does not apply without both a CTO seat and a CAIO seat', () => {
    const operations = anOperations({
      organization: { name: 'Solo', seats: [{ title: 'CTO/CAIO' }] },
      initiatives: seed,
    })
    expect(signals(operations, playbook, asOf).signals.map((s) => s.id)).toEqual([])
  })

  it.each([
    [['2026-06-10'], []],
    [[], ['critical']],
  ] as const)(
    'expects one meeting in 28 days at a monthly cadence (held: %j)',
    (dates, expected) => {
      const operations = anOperations({
        organization: {
          name: 'Monthly',
          cadence: 'monthly',
          seats: [{ title: 'CTO' }, { title: 'CAIO' }],
        },
        initiatives: seed,
        meetings: weekly([...dates]),
      })
      expect(signals(operations, playbook, asOf).signals.map((s) => s.severity)).toEqual(expected)
    },
  )
})

describe('signals: lenses-disagree', () => {
  const disagreeing = anInitiative({
    id: 'd',
    lenses: {
      cto: [{ at: '2026-03-01', by: { seat: 'CTO' }, build: 'no', scale: 'yes', secure: 'yes' }],
      caio: [{ at: '2026-03-05', by: { seat: 'CAIO' }, should: 'yes' }],
    },
  })
  it.each([
    ['13 days', '2026-03-18', []],
    ['14 days', '2026-03-19', ['lenses-disagree:initiative/d']],
  ] as const)('with a disagreement open %s', (_name, asOf, expected) => {
    expect(keysOf('lenses-disagree', asOf, [disagreeing])).toEqual(expected)
  })

  it('clears once a held meeting decides on the initiative', () => {
    const meeting = aMeeting({
      date: '2026-03-10',
      decisions: [
        { id: 'dec', text: 'Rework the design', owner: { seat: 'CTO' }, initiatives: ['d'] },
      ],
    })
    expect(keysOf('lenses-disagree', '2026-04-01', [disagreeing], [meeting])).toEqual([])
  })

  it('fires on the reverse disagreement (CAIO no, CTO yes)', () => {
    const reverse = anInitiative({
      id: 'r',
      lenses: {
        cto: [{ at: '2026-03-01', by: { seat: 'CTO' }, build: 'yes', scale: 'yes', secure: 'yes' }],
        caio: [{ at: '2026-03-01', by: { seat: 'CAIO' }, should: 'no' }],
      },
    })
    expect(keysOf('lenses-disagree', '2026-04-01', [reverse])).toEqual([
      'lenses-disagree:initiative/r',
    ])
  })

  it('counts from the review that started the disagreement, not the latest', () => {
    const long = anInitiative({
      id: 'l',
      lenses: {
        cto: [
          { at: '2026-03-01', by: { seat: 'CTO' }, build: 'no', scale: 'yes', secure: 'yes' },
          { at: '2026-03-20', by: { seat: 'CTO' }, build: 'no', scale: 'no', secure: 'yes' },
        ],
        caio: [{ at: '2026-03-02', by: { seat: 'CAIO' }, should: 'yes' }],
      },
    })
    expect(keysOf('lenses-disagree', '2026-03-16', [long])).toEqual([
      'lenses-disagree:initiative/l',
    ])
  })
})

describe('signals: infrastructure-cant-support', () => {
  const noCto = (overrides: Partial<InitiativeInput> = {}) =>
    aPilot('p', '2026-03-01', {
      lenses: { cto: [], caio: bothYes('2026-01-03').caio ?? [] },
      ...overrides,
    })
  it.each([
    ['13 days', '2026-03-14', []],
    ['14 days', '2026-03-15', ['infrastructure-cant-support:initiative/p']],
  ] as const)('with a pilot never reviewed by the CTO for %s', (_name, asOf, expected) => {
    expect(keysOf('infrastructure-cant-support', asOf, [noCto()])).toEqual(expected)
  })

  it('does not fire once the CTO answers build yes', () => {
    expect(
      keysOf('infrastructure-cant-support', '2026-04-01', [aPilot('p', '2026-03-01')]),
    ).toEqual([])
  })
})

describe('signals: capability-unaligned', () => {
  it.each([
    ['an idea', [], []],
    ['a pilot', moves(['2026-02-01', 'pilot']), ['capability-unaligned:initiative/c']],
    [
      'a production initiative',
      moves(['2026-02-01', 'pilot'], ['2026-03-01', 'production']),
      ['capability-unaligned:initiative/c'],
    ],
  ] as const)(
    'fires for %s that never had a CAIO yes as it applies',
    (_name, history, expected) => {
      const initiative = anInitiative({ id: 'c', history: [...history] })
      expect(keysOf('capability-unaligned', '2026-04-01', [initiative])).toEqual(expected)
    },
  )

  it('stays quiet when an earlier CAIO review said yes', () => {
    const initiative = aPilot('c', '2026-02-01', {
      lenses: {
        cto: [],
        caio: [
          { at: '2026-01-10', by: { seat: 'CAIO' }, should: 'yes' },
          { at: '2026-03-10', by: { seat: 'CAIO' }, should: 'unsure' },
        ],
      },
    })
    expect(keysOf('capability-unaligned', '2026-04-01', [initiative])).toEqual([])
  })
})

describe('signals: unowned-work', () => {
  it('fires for a pilot without an owner and an open decision without one', () => {
    const unowned = { ...aPilot('u', '2026-02-01'), owner: undefined }
    const meeting = aMeeting({
      decisions: [
        { id: 'open', text: 'Pick a vendor' },
        { id: 'owned', text: 'Draft a policy', owner: { seat: 'CAIO' } },
        { id: 'closed', text: 'Old', status: 'done', closedAt: '2026-06-02' },
      ],
    })
    expect(
      keysOf('unowned-work', '2026-06-10', [unowned, aPilot('o', '2026-02-01')], [meeting]),
    ).toEqual(['unowned-work:decision/open', 'unowned-work:initiative/u'])
  })

  it('counts a decision closed after the day asked about as open', () => {
    const meeting = aMeeting({
      decisions: [{ id: 'later', text: 'Old', status: 'done', closedAt: '2026-06-20' }],
    })
    expect(keysOf('unowned-work', '2026-06-10', [], [meeting])).toEqual([
      'unowned-work:decision/later',
    ])
  })
})

describe('signals: gate-overridden', () => {
  const forced = (
    skipped: { item: 'cto-secure-yes' | 'cto-scale-yes' }[],
    secure: 'yes' | 'unsure',
  ) =>
    anInitiative({
      id: 'f',
      lenses: {
        cto: [{ at: '2026-01-03', by: { seat: 'CTO' }, build: 'yes', scale: 'unsure', secure }],
        caio: bothYes('2026-01-03').caio ?? [],
      },
      history: [
        { at: '2026-02-01', from: 'idea', to: 'pilot' },
        {
          at: '2026-03-01',
          from: 'pilot',
          to: 'production',
          kind: 'forced',
          by: { seat: 'CAIO' },
          reason: 'Board demo',
          skipped,
          acknowledgedBy: [{ seat: 'CTO' }],
        },
      ],
    })
  it('is a warning while a skipped item stays open', () => {
    const result = signals(
      anOperations({ initiatives: [forced([{ item: 'cto-scale-yes' }], 'yes')] }),
      playbook,
      '2026-04-01',
    )
    expect(
      result.signals
        .filter((s) => s.id === 'gate-overridden')
        .map((s) => [s.key, s.severity, s.antiPattern]),
    ).toEqual([['gate-overridden:initiative/f', 'warning', 'roles-later']])
  })

  it('is critical when secure was skipped', () => {
    const result = signals(
      anOperations({ initiatives: [forced([{ item: 'cto-secure-yes' }], 'unsure')] }),
      playbook,
      '2026-04-01',
    )
    expect(result.signals.filter((s) => s.id === 'gate-overridden').map((s) => s.severity)).toEqual(
      ['critical'],
    )
  })

  it('clears when the skipped item is met', () => {
    const initiative = forced([{ item: 'cto-secure-yes' }], 'yes')
    expect(keysOf('gate-overridden', '2026-04-01', [initiative])).toEqual([])
  })
})

describe('signals', () => {
  it('answers with the asOf day, the playbook and verbatim passages', () => {
    const result = signals(
      anOperations({ initiatives: [aPilot('p', '2026-01-01')] }),
      playbook,
      '2026-06-29',
    )
    expect(result.asOf).toBe('2026-06-29')
    expect(result.playbook).toEqual({ id: 'tandem-default', version: playbook.version })
    const stall = result.signals.find((s) => s.key === 'production-stalls:initiative/p')
    expect(stall).toMatchObject({
      title: 'Production deployment stalls',
      antiPattern: 'partners-dont-talk',
      passage: 'production deployment stalls',
      severity: 'warning',
    })
  })

  it.each([
    [[{ title: 'CTO' }], 'cto-can-handle-ai'],
    [
      [{ title: 'CTO' }, { title: 'CAIO', shippedAiSystems: false }],
      'caio-without-technical-depth',
    ],
    [[{ title: 'CTO' }, { title: 'CAIO', shippedAiSystems: true }], 'partners-dont-talk'],
    [[{ title: 'CTO/CAIO' }], 'partners-dont-talk'],
  ] as const)('names the anti-pattern for seats %j as %s', (seats, antiPattern) => {
    const operations = anOperations({
      organization: { name: 'X', seats: [...seats], registerStarted: '2026-06-01' },
      initiatives: [aPilot('p', '2026-01-01')],
    })
    const stall = signals(operations, playbook, '2026-06-29').signals.find(
      (s) => s.id === 'production-stalls',
    )
    expect(stall?.antiPattern).toBe(antiPattern)
  })

  it('shows an acknowledged signal as acknowledged, not hidden, until the acknowledgement ends', () => {
    const operations = anOperations({
      initiatives: [aPilot('p', '2026-01-01')],
      acknowledgements: [
        {
          key: 'production-stalls:initiative/p',
          reason: 'Waiting for the audit',
          until: '2026-07-15',
          by: 'CAIO',
        },
      ],
    })
    const on = (asOf: string) =>
      signals(operations, playbook, asOf).signals.find(
        (s) => s.key === 'production-stalls:initiative/p',
      )
    expect(on('2026-07-01')?.acknowledged).toEqual({
      reason: 'Waiting for the audit',
      until: '2026-07-15',
      by: 'CAIO',
    })
    expect(on('2026-07-16')).toBeDefined()
    expect(on('2026-07-16')?.acknowledged).toBeUndefined()
  })

  it('leaves out records dated after the day asked about', () => {
    const initiative = aPilot('p', '2026-01-01', {
      history: moves(['2026-01-01', 'pilot'], ['2026-09-01', 'production']),
    })
    const keys = signals(
      anOperations({ initiatives: [initiative] }),
      playbook,
      '2026-06-29',
    ).signals.map((s) => s.key)
    expect(keys).toContain('production-stalls:initiative/p')
  })

  it('raises none for a healthy register', () => {
    const operations = anOperations({
      initiatives: [
        aPilot('p', '2026-05-20'),
        aLive('l', '2026-02-01', '2026-03-01', { measurements: [{ at: '2026-06-15', value: 31 }] }),
      ],
      meetings: ['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23'].map((date, i) =>
        aMeeting({ id: `m${i}`, date }),
      ),
    })
    expect(signals(operations, playbook, '2026-06-28').signals).toEqual([])
  })
})
