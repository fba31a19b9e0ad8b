import fc from 'fast-check'
import type {
  InitiativeInput,
  MeetingInput,
  OperationsInput,
} from '../src/engine/operations/operations-schema.js'
import type { Stage } from '../src/engine/operations/vocabulary.js'
import { ALLOWED_MOVES } from '../src/engine/operations/allowed-moves.js'
import { addDays } from '../src/engine/operations/dates.js'

const START = '2026-01-01'
/** A day within the first 200 days of 2026. */
export const aDay = fc.integer({ min: 0, max: 200 }).map((n) => addDays(START, n))
const answer = fc.constantFrom('yes', 'no', 'unsure' as const)
const seats = fc.subarray(['CTO', 'CAIO'], { minLength: 0 })

const ctoReview = fc.record({
  at: aDay,
  by: fc.constant({ seat: 'CTO' }),
  build: answer,
  scale: answer,
  secure: answer,
})
const caioReview = fc.record(
  {
    at: aDay,
    by: fc.constant({ seat: 'CAIO' }),
    should: answer,
    measure: fc.record({
      metric: fc.constant('hours'),
      baseline: fc.constant(40),
      target: fc.constant(25),
    }),
  },
  { requiredKeys: ['at', 'by', 'should'] },
)
export const aMeasurement = fc.record({ at: aDay, value: fc.integer({ min: 0, max: 60 }) })

/** A walk along the stage machine: each step picks one allowed move, days strictly increasing. */
const history = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { maxLength: 5 })
  .map((steps) => {
    let stage: Stage = 'idea'
    let day = 0
    return steps.map(([pick, gap]) => {
      const options = ALLOWED_MOVES[stage]
      const to = options[pick % options.length] ?? 'stopped'
      day += gap
      const move = { at: addDays(START, day), from: stage, to }
      stage = to
      return move
    })
  })

export const anInitiativeInput = (id: string): fc.Arbitrary<InitiativeInput> =>
  fc.record(
    {
      id: fc.constant(id),
      title: fc.constant(`Initiative ${id}`),
      createdAt: fc.constant(START),
      owner: fc.constantFrom({ seat: 'CTO' }, { seat: 'CAIO' }),
      history,
      lenses: fc.record({
        cto: fc.array(ctoReview, { maxLength: 3 }),
        caio: fc.array(caioReview, { maxLength: 3 }),
      }),
      measurements: fc.array(aMeasurement, { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'title', 'createdAt', 'history', 'lenses', 'measurements'] },
  )

export const aMeetingInput = (id: string): fc.Arbitrary<MeetingInput> =>
  fc.record({
    id: fc.constant(id),
    date: aDay,
    status: fc.constantFrom('held', 'cancelled', 'scheduled' as const),
    attendees: seats.map((list) => list.map((seat) => ({ seat }))),
    decisions: fc.constant([]),
  })

/** An organization with a CTO and a CAIO, up to 6 initiatives and 8 meetings. */
export const anOperationsInput: fc.Arbitrary<OperationsInput> = fc
  .tuple(
    fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => anInitiativeInput(`i${i}`)))),
    fc
      .integer({ min: 0, max: 8 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => aMeetingInput(`m${i}`)))),
    fc.constantFrom('weekly', 'biweekly', 'monthly' as const),
  )
  .map(([initiatives, meetings, cadence]) => ({
    schema: 'tandem/operations@1' as const,
    organization: {
      name: 'Generated',
      cadence,
      seats: [{ title: 'CTO' as const }, { title: 'CAIO' as const, shippedAiSystems: true }],
    },
    initiatives,
    meetings,
  }))
