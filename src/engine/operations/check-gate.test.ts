import type { InitiativeInput } from './operations-schema.js'
import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import { anInitiative, anOperations, bothYes } from '../../../test/operations-builders.js'
import { checkGate } from './check-gate.js'

const playbook = thePlaybook()
const operations = anOperations()
const context = { organization: operations.organization, playbook }

function missing(to: 'pilot' | 'production', input: InitiativeInput): string[] {
  const initiative = anOperations({ initiatives: [input] }).initiatives[0]
  if (!initiative) throw new Error('no initiative')
  return checkGate(initiative, to, context).map(
    (m) => `${m.item}${m.detail ? `:${m.detail}` : ''}@${m.seat}`,
  )
}

const ready = (overrides: Partial<InitiativeInput> = {}) =>
  anInitiative({ lenses: bothYes('2026-01-03'), useCase: { name: 'Invoice triage' }, ...overrides })

const cto = (build: string, scale: string, secure: string) =>
  [{ at: '2026-01-03', by: { seat: 'CTO' }, build, scale, secure }] as NonNullable<
    InitiativeInput['lenses']
  >['cto']
const caio = (should: string, measure?: object) =>
  [
    { at: '2026-01-03', by: { seat: 'CAIO' }, should, ...(measure ? { measure } : {}) },
  ] as NonNullable<NonNullable<InitiativeInput['lenses']>['caio']>

describe('checkGate: idea → pilot', () => {
  it('passes with CAIO should yes, a metric and no CTO build no', () => {
    expect(missing('pilot', ready())).toEqual([])
  })

  it('passes before the CTO has reviewed (only a no blocks)', () => {
    expect(
      missing('pilot', ready({ lenses: { cto: [], caio: caio('yes', { metric: 'hours' }) } })),
    ).toEqual([])
  })

  it('names every missing item with the seat that can meet it', () => {
    expect(
      missing('pilot', anInitiative({ lenses: { cto: cto('no', 'yes', 'yes'), caio: [] } })),
    ).toEqual(['caio-should-yes@CAIO', 'caio-metric@CAIO', 'cto-build-not-no@CTO'])
  })

  it.each([['unsure'], ['no']])('refuses CAIO should %s', (should) => {
    expect(
      missing('pilot', ready({ lenses: { cto: [], caio: caio(should, { metric: 'hours' }) } })),
    ).toEqual(['caio-should-yes@CAIO'])
  })

  it('refuses a prohibited use case', () => {
    expect(
      missing('pilot', ready({ useCase: { name: 'Citizen score', socialScoring: true } })),
    ).toEqual(['use-case-not-prohibited@CAIO'])
  })

  it('says which answer the latest review gave', () => {
    const initiative = anOperations({
      initiatives: [ready({ lenses: { cto: [], caio: caio('unsure', { metric: 'hours' }) } })],
    }).initiatives[0]
    expect(initiative && checkGate(initiative, 'pilot', context)[0]?.message).toBe(
      'CAIO lens: "Should we build this?" is not yes (latest review: unsure)',
    )
  })
})

describe('checkGate: pilot → production', () => {
  it('passes with both lenses yes, a baseline and target, and a minimal-tier use case', () => {
    expect(missing('production', ready())).toEqual([])
  })

  it.each([
    ['build', cto('unsure', 'yes', 'yes'), ['cto-build-yes@CTO']],
    ['scale', cto('yes', 'no', 'yes'), ['cto-scale-yes@CTO']],
    ['secure', cto('yes', 'yes', 'unsure'), ['cto-secure-yes@CTO']],
  ] as const)('needs CTO %s = yes', (_q, reviews, expected) => {
    expect(
      missing(
        'production',
        ready({ lenses: { cto: reviews, caio: bothYes('2026-01-03').caio ?? [] } }),
      ),
    ).toEqual(expected)
  })

  it('takes the latest CAIO should', () => {
    const lenses = {
      cto: cto('yes', 'yes', 'yes'),
      caio: [
        ...caio('yes', { metric: 'h', baseline: 40, target: 25 }),
        { at: '2026-02-01', by: { seat: 'CAIO' }, should: 'unsure' as const },
      ],
    }
    expect(missing('production', ready({ lenses }))).toEqual(['caio-should-yes@CAIO'])
  })

  it.each([
    [{ metric: 'h' }, 'CAIO lens: the metric "h" has no baseline and no target'],
    [{ metric: 'h', baseline: 40 }, 'CAIO lens: the metric "h" has no target'],
    [
      { metric: 'h', baseline: 40, target: 40 },
      'CAIO lens: the metric "h" has its target equal to its baseline',
    ],
  ])('needs a baseline and a target (%j)', (measure, message) => {
    const initiative = anOperations({
      initiatives: [
        ready({ lenses: { cto: cto('yes', 'yes', 'yes'), caio: caio('yes', measure) } }),
      ],
    }).initiatives[0]
    expect(
      initiative && checkGate(initiative, 'production', context).map((m) => m.message),
    ).toEqual([message])
  })

  it('needs a classified use case', () => {
    expect(missing('production', anInitiative({ lenses: bothYes('2026-01-03') }))).toEqual([
      'use-case-classified@CAIO',
    ])
  })

  it('needs each transparency duty of a limited-tier use case marked done', () => {
    const chatbot = { name: 'Support chatbot', interactsWithPeople: true }
    expect(missing('production', ready({ useCase: chatbot }))).toEqual([
      'use-case-tier:Art. 50(1)@CAIO',
    ])
    expect(
      missing(
        'production',
        ready({ useCase: chatbot, compliance: { duties: [{ id: 'Art. 50(1)', done: true }] } }),
      ),
    ).toEqual([])
  })

  it('needs every obligation of a high-tier use case done with evidence, and an oversight owner', () => {
    const screening = {
      name: 'CV screening',
      area: 'employment',
      point: '4a',
      role: 'deployer',
    } as const
    expect(missing('production', ready({ useCase: screening }))).toEqual([
      'use-case-tier:Art. 4@CAIO',
      'use-case-tier:Art. 26@CAIO',
      'use-case-tier:Art. 27@CAIO',
      'use-case-tier:oversight-owner@CAIO',
    ])
    const duties = ['Art. 4', 'Art. 26', 'Art. 27'].map((id) => ({
      id,
      done: true,
      evidence: `https://wiki/${id}`,
    }))
    expect(
      missing(
        'production',
        ready({
          useCase: screening,
          compliance: {
            duties: [...duties.slice(0, 2), { id: 'Art. 27', done: true }],
            oversightOwner: 'Head of HR',
          },
        }),
      ),
    ).toEqual(['use-case-tier:Art. 27@CAIO'])
    expect(
      missing(
        'production',
        ready({ useCase: screening, compliance: { duties, oversightOwner: 'Head of HR' } }),
      ),
    ).toEqual([])
  })

  it('needs the documented assessment of a claimed Art. 6(3) derogation', () => {
    const useCase = {
      name: 'Shift notes',
      area: 'employment',
      point: '4a',
      derogation: 'preparatory',
    } as const
    expect(missing('production', ready({ useCase }))).toEqual([
      'use-case-tier:derogation-assessment@CAIO',
    ])
    expect(
      missing(
        'production',
        ready({ useCase, compliance: { duties: [], derogationAssessment: 'https://wiki/6-3' } }),
      ),
    ).toEqual([])
  })

  it('never passes a prohibited use case, whatever else is done', () => {
    expect(
      missing('production', ready({ useCase: { name: 'Score', socialScoring: true } })),
    ).toEqual(['use-case-not-prohibited@CAIO'])
  })
})

describe('checkGate: who reviews a lens', () => {
  it('asks the unified seat for both lenses', () => {
    const solo = anOperations({ organization: { name: 'S', seats: [{ title: 'CTO/CAIO' }] } })
    const initiative = anOperations({ initiatives: [anInitiative()] }).initiatives[0]
    expect(
      initiative &&
        checkGate(initiative, 'production', { organization: solo.organization, playbook }).map(
          (m) => m.seat,
        ),
    ).toEqual(['CTO/CAIO', 'CTO/CAIO', 'CTO/CAIO', 'CTO/CAIO', 'CTO/CAIO', 'CTO/CAIO'])
  })

  it('asks the CTO for the CAIO lens without a CAIO seat', () => {
    const ctoOnly = anOperations({ organization: { name: 'C', seats: [{ title: 'CTO' }] } })
    const initiative = anOperations({ initiatives: [anInitiative()] }).initiatives[0]
    expect(
      initiative &&
        checkGate(initiative, 'pilot', { organization: ctoOnly.organization, playbook }).map(
          (m) => m.seat,
        ),
    ).toEqual(['CTO', 'CTO'])
  })
})

describe('checkGate: playbook data', () => {
  it('follows a custom playbook’s gate', () => {
    const custom = {
      ...playbook,
      operations: {
        ...playbook.operations!,
        gates: { pilot: ['caio-should-yes' as const], production: [] },
      },
    }
    const initiative = anOperations({ initiatives: [anInitiative()] }).initiatives[0]
    expect(
      initiative &&
        checkGate(initiative, 'pilot', {
          organization: context.organization,
          playbook: custom,
        }).map((m) => m.item),
    ).toEqual(['caio-should-yes'])
  })
})
