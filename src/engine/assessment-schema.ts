import { z } from 'zod'
import { profileSchema } from './profile-schema.js'
import { ASSESSMENT_SCHEMA_ID } from './types.js'
import {
  AI_ACT_TIERS,
  AI_DEMANDS,
  ANTI_PATTERN_IDS,
  CHANGE_KINDS,
  CHARTER_GROUPS,
  CHARTER_ROW_IDS,
  DEPARTURE_REASONS,
  DIRECTIONS,
  ENGAGEMENTS,
  QUESTION_IDS,
  SEAT_GAPS,
  SEAT_TITLES,
  SEVERITIES,
  SIZES,
  STAKES_LEVELS,
  STRUCTURES,
} from './vocabulary.js'

// `tandem/assessment@1` as a schema: published as JSON Schema (schemas/assessment.schema.json) and
// used by the server's OpenAPI document. Mirrors the `Assessment` type in types.ts.

const seat = z.object({ title: z.enum(SEAT_TITLES), engagement: z.enum(ENGAGEMENTS) })
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])
const evidence = z.object({ text: z.string(), field: z.string(), value: scalar })
const structure = z.enum(STRUCTURES)
const search = seat.extend({ leadTimeMonths: z.number().int(), startBy: z.string() })
const costOption = z.object({
  lines: z.array(seat.extend({ daysPerWeek: z.number(), yearly: z.number().nullable() })),
  yearly: z.number().nullable(),
})

export const classificationSchema = z.object({
  tier: z.enum(AI_ACT_TIERS),
  transparency: z.array(z.string()),
  basis: z.array(z.object({ ref: z.string(), summary: z.string() })),
  obligations: z.array(z.string()),
  milestones: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      ref: z.string(),
      summary: z.string(),
      source: z.string(),
      status: z.enum(['in-force', 'to-confirm']),
    }),
  ),
  warnings: z.array(z.string()),
  asOf: z.string(),
})

export const charterSchema = z.object({
  structure,
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      id: z.enum(CHARTER_ROW_IDS),
      group: z.enum(CHARTER_GROUPS),
      label: z.string(),
      cells: z.record(z.string(), z.enum(['R', 'A', 'C', 'I', 'A/R', ''])),
    }),
  ),
})

export const summarySchema = z.object({
  headline: z.string(),
  seats: z.array(
    z.object({
      title: z.enum(SEAT_TITLES),
      engagement: z.enum(ENGAGEMENTS),
      holder: z.string().nullable(),
    }),
  ),
  findings: z
    .array(
      z.object({ id: z.string(), severity: z.enum([...SEVERITIES, 'blocking']), text: z.string() }),
    )
    .max(3),
  nextSteps: z.array(z.string()).max(3),
  milestones: z.array(
    z.object({
      date: z.string(),
      ref: z.string(),
      summary: z.string(),
      source: z.string(),
      status: z.enum(['in-force', 'to-confirm']),
      useCases: z.array(z.string()),
    }),
  ),
  disclaimer: z.string(),
})

export const assessmentSchema = z.object({
  schema: z.literal(ASSESSMENT_SCHEMA_ID),
  summary: summarySchema,
  playbook: z.object({ id: z.string(), version: z.string() }),
  profile: profileSchema,
  derived: z.object({ size: z.enum(SIZES), aiDemand: z.enum(AI_DEMANDS) }),
  questions: z.array(
    z.object({
      id: z.enum(QUESTION_IDS),
      level: z.string(),
      finding: z.string(),
      source: z.string(),
    }),
  ),
  stakes: z.object({
    level: z.enum(STAKES_LEVELS),
    derived: z.enum(STAKES_LEVELS),
    overridden: z.boolean(),
    useCases: z.array(
      z.object({
        name: z.string(),
        level: z.enum([...STAKES_LEVELS, 'prohibited']),
        reason: z.string(),
        classification: classificationSchema.nullable(),
      }),
    ),
  }),
  recommendation: z.object({
    structure,
    label: z.string(),
    seats: z.array(seat),
    stage: z.number().int(),
    rule: z.string(),
    cap: z.string().nullable(),
    facts: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })),
    why: z.array(z.string()),
    source: z.array(z.string()),
    change: z.object({
      kind: z.enum(CHANGE_KINDS),
      from: structure.nullable(),
      to: structure,
      summary: z.string(),
      steps: z.array(z.string()),
      assignments: z.array(
        z.object({
          title: z.enum(SEAT_TITLES),
          engagement: z.enum(ENGAGEMENTS),
          holder: z.union([z.object({ current: z.number().int().min(0) }), z.literal('new')]),
          gaps: z.array(z.enum(SEAT_GAPS)),
          reason: z.literal('over-budget').optional(),
        }),
      ),
      departures: z.array(
        z.object({ current: z.number().int().min(0), reason: z.enum(DEPARTURE_REASONS) }),
      ),
    }),
    fit: z.object({ table: structure, rule: z.string(), reason: z.string() }).nullable(),
  }),
  antiPatterns: z.array(
    z.object({
      id: z.enum(ANTI_PATTERN_IDS),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      evidence: z.array(evidence),
      remedy: z.string(),
      source: z.string(),
    }),
  ),
  charter: charterSchema,
  cadence: z.object({
    alignmentPerMonth: z.number().nullable(),
    summary: z.string(),
    handoffZones: z.array(
      z.object({
        id: z.enum(CHARTER_ROW_IDS),
        label: z.string(),
        cto: z.string(),
        caio: z.string(),
      }),
    ),
  }),
  counterfactuals: z.array(
    z.object({
      field: z.string(),
      from: z.union([z.string(), z.number()]),
      to: z.union([z.string(), z.number()]),
      structure,
      summary: z.string(),
      direction: z.enum(DIRECTIONS),
    }),
  ),
  roadmap: z.array(
    z.object({
      at: z.string(),
      structure,
      stage: z.number().int(),
      trigger: z.string().nullable(),
      searches: z.array(search).optional(),
      startBy: z.string().nullable().optional(),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      severity: z.literal('blocking'),
      message: z.string(),
      evidence: z.array(evidence),
      source: z.string(),
      note: z.string().nullable(),
    }),
  ),
  notes: z.array(z.string()),
  sizing: z
    .object({
      note: z.string(),
      seats: z.array(
        z.object({
          title: z.enum(SEAT_TITLES),
          engagement: z.enum(ENGAGEMENTS),
          daysPerWeek: z.number(),
          why: z.array(z.string()),
        }),
      ),
      aiDaysPerWeek: z.number(),
      cost: z.object({
        currency: z.string().nullable(),
        recommended: costOption,
        fullTime: costOption.nullable(),
        today: costOption.nullable(),
        missing: z.array(z.string()),
      }),
      nextSearch: search.extend({ at: z.string() }).nullable(),
    })
    .nullable(),
  register: z
    .object({
      asOf: z.string(),
      facts: z.array(
        z.object({
          field: z.string(),
          value: z.union([z.number(), z.boolean()]),
          typed: z.union([z.number(), z.boolean(), z.null()]),
        }),
      ),
    })
    .optional(),
})

/** The JSON Schemas Tandem publishes: its input and its output. */
export function jsonSchemas(): { readonly profile: unknown; readonly assessment: unknown } {
  return {
    profile: z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' }),
    assessment: z.toJSONSchema(assessmentSchema, { io: 'output', unrepresentable: 'any' }),
  }
}
