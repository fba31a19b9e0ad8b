import { z } from 'zod'
import { nameText } from '../contract/text.js'
import {
  AI_FUNCTIONS,
  CENTRALITY_LEVELS,
  DEROGATIONS,
  ENGAGEMENTS,
  INDUSTRIES,
  SEAT_TITLES,
  STAKES_LEVELS,
  USE_CASE_AREAS,
  USE_CASE_ROLES,
} from './vocabulary.js'

// The organization profile, `tandem/profile@1` (framework.md §2, stakes.md "The use case record").
// Every object is strict: an unknown field is an error that names it.

export const PROFILE_SCHEMA_ID = 'tandem/profile@1'

const count = z.number().int().min(0)
const flag = z.boolean()

export const useCaseSchema = z.strictObject({
  name: nameText(),
  area: z.enum(USE_CASE_AREAS).optional(),
  // A point without a letter may be written as a YAML number (`point: 2`); it reads as "2".
  point: z
    .union([
      z
        .string()
        .regex(
          /^([1-8][a-e]?|5-1-[a-h]|none)$/,
          'an Annex III point such as "5b", an Art. 5 letter such as "5-1-h", or "none"',
        ),
      z
        .number()
        .int('an Annex III point such as 2 or "5b"')
        .min(1, 'an Annex III point from 1 to 8')
        .max(8, 'an Annex III point from 1 to 8')
        .transform(String),
    ])
    .optional(),
  role: z.enum(USE_CASE_ROLES).optional(),
  lawEnforcement: flag.optional(),
  realTime: flag.optional(),
  publicSpace: flag.optional(),
  profiling: flag.optional(),
  workplaceOrEducation: flag.optional(),
  medicalOrSafety: flag.optional(),
  fraudDetection: flag.optional(),
  interactsWithPeople: flag.optional(),
  syntheticContent: flag.optional(),
  deepfake: flag.optional(),
  emotionRecognition: flag.optional(),
  biometricCategorisation: flag.optional(),
  sensitiveAttributes: flag.optional(),
  socialScoring: flag.optional(),
  manipulative: flag.optional(),
  exploitsVulnerabilities: flag.optional(),
  untargetedFaceScraping: flag.optional(),
  crimePredictionByProfiling: flag.optional(),
  productSafetyComponent: flag.optional(),
  verificationOnly: flag.optional(),
  gpaiModel: flag.optional(),
  systemicRisk: flag.optional(),
  derogation: z.enum(DEROGATIONS).optional(),
})
export type UseCase = z.infer<typeof useCaseSchema>

/**
 * Most use cases one profile may list (`ai.useCases`, and in each growth step). Each adds about
 * 1.6 KB to the assessment, which is stored: beyond this, assess the use cases in groups.
 */
export const MAX_USE_CASES = 50
/** Most growth steps one profile may plan (`growth`): two years, month by month. */
export const MAX_GROWTH_STEPS = 24

const useCasesSchema = z
  .array(useCaseSchema)
  .max(MAX_USE_CASES, `at most ${MAX_USE_CASES} use cases per profile`)

const aiSchema = z.strictObject({
  centrality: z.enum(CENTRALITY_LEVELS),
  functions: z.array(z.enum(AI_FUNCTIONS)).default([]),
  useCases: useCasesSchema.default([]),
  stakes: z.enum(STAKES_LEVELS).optional(),
})

// Absent means "not given": the engine reads it from today's full-time leaders (framework.md §4a), else 1.
const budgetSchema = z.strictObject({
  fullTimeLeaders: count.optional(),
})

export const seatSchema = z.strictObject({
  title: z.enum(SEAT_TITLES),
  /** The person, shown in reports and named in the steps. */
  name: nameText(120).optional(),
  engagement: z.enum(ENGAGEMENTS),
  shippedAiSystems: flag.optional(),
  ledTechOrg: flag.optional(),
  responsibilities: count.optional(),
})
export type CurrentSeat = z.infer<typeof seatSchema>

const currentSchema = z.strictObject({
  seats: z.array(seatSchema).default([]),
  roleCharter: flag.default(false),
  alignmentMeetingsPerMonth: z.number().min(0).optional(),
  aiPilots: count.optional(),
  aiInProduction: count.optional(),
  roiMeasured: flag.optional(),
})

const money = z.number().min(0).max(1e9)
const perSeat = z
  .strictObject({ CTO: money.optional(), CAIO: money.optional(), 'CTO/CAIO': money.optional() })
  .default({})

/** What seats cost, when the user gives it: the assessment then compares yearly costs (hiring/). */
export const ratesSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as "EUR"'),
  fractionalDayRate: perSeat,
  fullTimeAnnualCost: perSeat,
})
export type Rates = z.infer<typeof ratesSchema>

export const GROWTH_AT = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/

const growthStepSchema = z.strictObject({
  at: z.string().regex(GROWTH_AT, 'a date as YYYY-MM or YYYY-Qn'),
  employees: z.number().int().min(1).optional(),
  engineers: count.optional(),
  products: z.number().int().min(1).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  ai: z
    .strictObject({
      centrality: z.enum(CENTRALITY_LEVELS).optional(),
      functions: z.array(z.enum(AI_FUNCTIONS)).optional(),
      useCases: useCasesSchema.optional(),
      stakes: z.enum(STAKES_LEVELS).optional(),
    })
    .optional(),
  budget: z.strictObject({ fullTimeLeaders: count.optional() }).optional(),
})
export type GrowthStep = z.infer<typeof growthStepSchema>

export const profileSchema = z
  .strictObject({
    schema: z.literal(PROFILE_SCHEMA_ID).optional(),
    name: nameText(),
    employees: z.number().int().min(1),
    engineers: count,
    products: z.number().int().min(1).default(1),
    industry: z.enum(INDUSTRIES).default('other'),
    ai: aiSchema,
    budget: budgetSchema.default({}),
    current: currentSchema.optional(),
    rates: ratesSchema.optional(),
    growth: z
      .array(growthStepSchema)
      .max(MAX_GROWTH_STEPS, `at most ${MAX_GROWTH_STEPS} growth steps per profile`)
      .default([]),
  })
  .superRefine((profile, ctx) => {
    if (profile.engineers > profile.employees) {
      ctx.addIssue({
        code: 'custom',
        path: ['engineers'],
        message: `engineers (${profile.engineers}) must not exceed employees (${profile.employees})`,
      })
    }
    let previous = ''
    profile.growth.forEach((step, index) => {
      const key = growthSortKey(step.at)
      if (key <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['growth', index, 'at'],
          message: `growth dates must be ascending; "${step.at}" does not come after the previous step`,
        })
      }
      previous = key
    })
  })

/** The profile as the user wrote it (defaults optional). */
export type ProfileInput = z.input<typeof profileSchema>
/** The normalized profile: defaults applied. */
export type Profile = z.output<typeof profileSchema>

/** Sort key that orders `YYYY-MM` and `YYYY-Qn` on one line (a quarter sorts at its first month). */
export function growthSortKey(at: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(at)
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`
  return at
}
