import type {
  InitiativeInput,
  MeetingInput,
  Operations,
  OperationsInput,
} from '../src/engine/operations/operations-schema.js'
import { validateOperations } from '../src/engine/operations/validate-operations.js'
import { readYaml } from './engine-builders.js'

/** An initiative created on 2026-01-05 at `idea`, overridable field by field. */
export function anInitiative(overrides: Partial<InitiativeInput> = {}): InitiativeInput {
  return {
    id: 'ini-1',
    title: 'Invoice triage assistant',
    createdAt: '2026-01-05',
    owner: { seat: 'CAIO' },
    ...overrides,
  }
}

/** A held alignment meeting attended by both seats. */
export function aMeeting(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    id: 'm-1',
    date: '2026-06-01',
    status: 'held',
    attendees: [{ seat: 'CTO' }, { seat: 'CAIO' }],
    ...overrides,
  }
}

/** A validated operations document: an organization with a full-time CTO and a fractional CAIO. */
export function anOperations(overrides: Partial<OperationsInput> = {}): Operations {
  const input: OperationsInput = {
    schema: 'tandem/operations@1',
    organization: {
      name: 'Acme Logistics',
      structure: 'cto-plus-fractional-caio',
      seats: [
        { title: 'CTO', engagement: 'full-time', ledTechOrg: true, shippedAiSystems: true },
        { title: 'CAIO', engagement: 'fractional', shippedAiSystems: true },
      ],
      registerStarted: '2026-01-01',
    },
    ...overrides,
  }
  const result = validateOperations(input)
  if (!result.ok) throw new Error(`invalid operations: ${JSON.stringify(result.error)}`)
  return result.value
}

/** A history that walked an initiative from idea to the given stages, one move per listed day. */
export function moves(
  ...steps: readonly (readonly [
    at: string,
    to: 'pilot' | 'production' | 'idea' | 'retired' | 'stopped',
  ])[]
): NonNullable<InitiativeInput['history']> {
  let from: 'idea' | 'pilot' | 'production' | 'retired' | 'stopped' = 'idea'
  return steps.map(([at, to]) => {
    const move = { at, from, to }
    from = to
    return move
  })
}

const CTO_YES = { by: { seat: 'CTO' }, build: 'yes', scale: 'yes', secure: 'yes' } as const
const CAIO_YES = {
  by: { seat: 'CAIO' },
  should: 'yes',
  measure: { metric: 'hours per week', unit: 'h', baseline: 40, target: 25 },
} as const

/** Both lenses reviewed yes on a day, with a metric, baseline and target. */
export function bothYes(at: string): NonNullable<InitiativeInput['lenses']> {
  return { cto: [{ at, ...CTO_YES }], caio: [{ at, ...CAIO_YES }] }
}

/** A healthy pilot: both lenses yes before it entered pilot on `since`. */
export function aPilot(
  id: string,
  since: string,
  overrides: Partial<InitiativeInput> = {},
): InitiativeInput {
  return anInitiative({
    id,
    title: `Pilot ${id}`,
    createdAt: '2026-01-02',
    lenses: bothYes('2026-01-03'),
    history: moves([since, 'pilot']),
    ...overrides,
  })
}

/** A healthy production initiative: piloted from `pilotSince`, live from `liveSince`. */
export function aLive(
  id: string,
  pilotSince: string,
  liveSince: string,
  overrides: Partial<InitiativeInput> = {},
): InitiativeInput {
  return anInitiative({
    id,
    title: `Live ${id}`,
    createdAt: '2026-01-02',
    lenses: bothYes('2026-01-03'),
    history: moves([pilotSince, 'pilot'], [liveSince, 'production']),
    ...overrides,
  })
}

/** The example operations file of the repository, validated. */
export function exampleOperations(): Operations {
  const result = validateOperations(readYaml('examples/operations/meridian-freight.yaml'))
  if (!result.ok)
    throw new Error(
      `examples/operations/meridian-freight.yaml invalid: ${JSON.stringify(result.error)}`,
    )
  return result.value
}
