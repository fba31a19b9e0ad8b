import fc from 'fast-check'
import type { ProfileInput } from '../src/engine/profile-schema.js'
import {
  AI_FUNCTIONS,
  CENTRALITY_LEVELS,
  ENGAGEMENTS,
  INDUSTRIES,
  SEAT_TITLES,
  STAKES_LEVELS,
  USE_CASE_AREAS,
} from '../src/engine/vocabulary.js'

const seat = fc.record(
  {
    title: fc.constantFrom(...SEAT_TITLES),
    engagement: fc.constantFrom(...ENGAGEMENTS),
    shippedAiSystems: fc.boolean(),
    ledTechOrg: fc.boolean(),
    responsibilities: fc.integer({ min: 0, max: 20 }),
  },
  { requiredKeys: ['title', 'engagement'] },
)

const current = fc.record(
  {
    seats: fc.array(seat, { maxLength: 3 }),
    roleCharter: fc.boolean(),
    alignmentMeetingsPerMonth: fc.integer({ min: 0, max: 8 }),
    aiPilots: fc.integer({ min: 0, max: 10 }),
    aiInProduction: fc.integer({ min: 0, max: 10 }),
    roiMeasured: fc.boolean(),
  },
  { requiredKeys: ['seats'] },
)

/** Valid `tandem/profile@1` inputs across every level of every question. */
export const aProfileInput: fc.Arbitrary<ProfileInput> = fc
  .record({
    employees: fc.integer({ min: 1, max: 400 }),
    engineerShare: fc.double({ min: 0, max: 1, noNaN: true }),
    products: fc.integer({ min: 1, max: 5 }),
    industry: fc.constantFrom(...INDUSTRIES),
    centrality: fc.constantFrom(...CENTRALITY_LEVELS),
    functions: fc.subarray([...AI_FUNCTIONS]),
    areas: fc.array(fc.option(fc.constantFrom(...USE_CASE_AREAS), { nil: undefined }), {
      maxLength: 3,
    }),
    stakes: fc.option(fc.constantFrom(...STAKES_LEVELS), { nil: undefined }),
    fullTimeLeaders: fc.integer({ min: 0, max: 3 }),
    current: fc.option(current, { nil: undefined }),
  })
  .map((r) => ({
    name: 'Generated',
    employees: r.employees,
    engineers: Math.floor(r.employees * r.engineerShare),
    products: r.products,
    industry: r.industry,
    ai: {
      centrality: r.centrality,
      functions: r.functions,
      useCases: r.areas.map((area, i) =>
        area ? { name: `use case ${i}`, area } : { name: `use case ${i}` },
      ),
      ...(r.stakes ? { stakes: r.stakes } : {}),
    },
    budget: { fullTimeLeaders: r.fullTimeLeaders },
    ...(r.current ? { current: r.current } : {}),
  }))

const namedSeat = fc.record(
  {
    title: fc.constantFrom(...SEAT_TITLES),
    engagement: fc.constantFrom(...ENGAGEMENTS),
    name: fc.constantFrom('Ada', 'Ben', 'Chen', 'Dana'),
    shippedAiSystems: fc.boolean(),
    ledTechOrg: fc.boolean(),
    responsibilities: fc.integer({ min: 0, max: 20 }),
  },
  { requiredKeys: ['title', 'engagement'] },
)

/** Valid profiles that always say who holds the seats today (one to three leaders), budget given or not. */
export const aProfileInputWithSeats: fc.Arbitrary<ProfileInput> = fc
  .tuple(
    aProfileInput,
    fc.array(namedSeat, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.record(
      {
        roleCharter: fc.boolean(),
        alignmentMeetingsPerMonth: fc.integer({ min: 0, max: 8 }),
        aiPilots: fc.integer({ min: 0, max: 12 }),
        aiInProduction: fc.integer({ min: 0, max: 10 }),
        roiMeasured: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([input, seats, budgetGiven, rest]) => {
    const { budget, ...others } = input
    return {
      ...others,
      ...(budgetGiven && budget ? { budget } : {}),
      current: { seats, ...rest },
    }
  })
