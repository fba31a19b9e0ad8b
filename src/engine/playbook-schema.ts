import { z } from 'zod'
import {
  AI_DEMANDS,
  ANTI_PATTERN_IDS,
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  CHARTER_GROUPS,
  CHARTER_ROW_IDS,
  COMPLEXITY_LEVELS,
  ENGAGEMENTS,
  INDUSTRIES,
  QUESTION_IDS,
  REACH_LEVELS,
  SEAT_TITLES,
  SIZES,
  STAKES_LEVELS,
  STRUCTURES,
  USE_CASE_AREAS,
} from './vocabulary.js'

// `tandem/playbook@1`: the framework as data (framework.md §8). Validated on load; compiled once.

export const PLAYBOOK_SCHEMA_ID = 'tandem/playbook@1'

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id (letters, digits, dashes)')
const text = z.string().trim().min(1)
const positiveInt = z.number().int().min(1)

/** A condition over the derived facts: every listed fact must have one of the listed levels. */
export interface ConditionDoc {
  readonly size?: readonly string[] | undefined
  readonly complexity?: readonly string[] | undefined
  readonly centrality?: readonly string[] | undefined
  readonly reach?: readonly string[] | undefined
  readonly stakes?: readonly string[] | undefined
  readonly budget?: readonly string[] | undefined
  readonly aiDemand?: readonly string[] | undefined
  readonly any?: readonly ConditionDoc[] | undefined
  readonly all?: readonly ConditionDoc[] | undefined
  readonly not?: ConditionDoc | undefined
}

const levels = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1)

export const conditionSchema: z.ZodType<ConditionDoc> = z.lazy(() =>
  z.strictObject({
    size: levels(SIZES).optional(),
    complexity: levels(COMPLEXITY_LEVELS).optional(),
    centrality: levels(CENTRALITY_LEVELS).optional(),
    reach: levels(REACH_LEVELS).optional(),
    stakes: levels(STAKES_LEVELS).optional(),
    budget: levels(BUDGET_LEVELS).optional(),
    aiDemand: levels(AI_DEMANDS).optional(),
    any: z.array(conditionSchema).min(1).optional(),
    all: z.array(conditionSchema).min(1).optional(),
    not: conditionSchema.optional(),
  }),
)

export const seatTemplateSchema = z.strictObject({
  title: z.enum(SEAT_TITLES),
  engagement: z.enum(ENGAGEMENTS),
  holds: z.array(z.enum(['tech', 'ai'])).min(1),
})

const structureSchema = z.strictObject({
  label: text,
  stage: z.number().int().min(1).max(3),
  pathOrder: z.number().min(0),
  seats: z.array(seatTemplateSchema).min(1),
  source: z.array(id).default([]),
})

const ruleSchema = z.strictObject({
  id,
  when: conditionSchema,
  structure: z.enum(STRUCTURES),
  why: text,
  source: z.array(id).default([]),
})

const capSchema = z.strictObject({
  id,
  budget: levels(BUDGET_LEVELS),
  from: z.enum(STRUCTURES),
  to: z.enum(STRUCTURES),
  why: text,
})

const questionSchema = z.strictObject({
  title: text,
  source: id,
  findings: z.record(z.string(), text),
})

const RACI = ['R', 'A', 'C', 'I', 'A/R'] as const
const cellColumn = z.enum(['tech', 'ai', 'CEO', 'Engineering', 'Business functions'])
const cellsSchema = z.partialRecord(cellColumn, z.enum(RACI))

const charterRowSchema = z.strictObject({
  id: z.enum(CHARTER_ROW_IDS),
  group: z.enum(CHARTER_GROUPS),
  label: text,
  cells: cellsSchema,
})

export const questionDefinitionSchema = z.strictObject({
  id,
  field: z
    .string()
    .regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'a profile field path such as "ai.centrality"'),
  question: z.enum(QUESTION_IDS).nullable(),
  type: z.enum(['text', 'integer', 'choice', 'multi-choice', 'boolean']),
  required: z.boolean(),
  prompt: text,
  help: text,
  source: id.nullable().default(null),
  min: z.number().nullable().default(null),
  options: z
    .array(
      z.strictObject({
        value: z.union([z.string(), z.number()]),
        label: text,
        hint: text.optional(),
      }),
    )
    .default([]),
})

export const playbookDocSchema = z.strictObject({
  schema: z.literal(PLAYBOOK_SCHEMA_ID),
  id,
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'a semantic version such as "1.0.0"'),
  title: text,
  passages: z.record(id, text),
  thresholds: z.strictObject({
    size: z.strictObject({ midsizeMin: positiveInt, largeMin: positiveInt }),
    complexity: z.strictObject({ highMinProducts: positiveInt, highMinEngineers: positiveInt }),
    reach: z.strictObject({ moderateMin: positiveInt, broadMin: positiveInt }),
    alignment: z.strictObject({
      criticalBelow: z.number().min(0),
      warningBelow: z.number().min(0),
      recommendedPerMonth: z.number().min(0),
    }),
    ctoOverload: z.strictObject({
      responsibilities: positiveInt,
      pilotsMin: positiveInt,
      pilotsPerProduction: z.number().min(1),
    }),
  }),
  stakes: z.strictObject({
    highIndustries: z.array(z.enum(INDUSTRIES)),
    highAreas: z.array(z.enum(USE_CASE_AREAS)),
    elevatedAreas: z.array(z.enum(USE_CASE_AREAS)),
    blockingAreas: z.array(z.enum(USE_CASE_AREAS)),
  }),
  aiDemand: z.strictObject({
    rules: z.array(z.strictObject({ value: z.enum(AI_DEMANDS), when: conditionSchema })),
    default: z.enum(AI_DEMANDS),
  }),
  structures: z.strictObject(
    Object.fromEntries(STRUCTURES.map((s) => [s, structureSchema])) as Record<
      (typeof STRUCTURES)[number],
      typeof structureSchema
    >,
  ),
  rules: z.array(ruleSchema).min(1),
  caps: z.array(capSchema).default([]),
  questions: z.strictObject(
    Object.fromEntries(QUESTION_IDS.map((q) => [q, questionSchema])) as Record<
      (typeof QUESTION_IDS)[number],
      typeof questionSchema
    >,
  ),
  antiPatterns: z.strictObject(
    Object.fromEntries(
      ANTI_PATTERN_IDS.map((a) => [a, z.strictObject({ title: text, source: id, remedy: text })]),
    ) as Record<
      (typeof ANTI_PATTERN_IDS)[number],
      z.ZodObject<{ title: typeof text; source: typeof id; remedy: typeof text }>
    >,
  ),
  charter: z.strictObject({
    rows: z.array(charterRowSchema).min(1),
    overrides: z
      .partialRecord(z.enum(STRUCTURES), z.partialRecord(z.enum(CHARTER_ROW_IDS), cellsSchema))
      .default({}),
  }),
  handoffZones: z.array(
    z.strictObject({ id: z.enum(CHARTER_ROW_IDS), label: text, cto: text, caio: text }),
  ),
  cadence: z.strictObject({ twoSeats: text, oneSeat: text }),
  seatGuidance: z.strictObject({ CTO: text, CAIO: text, 'CTO/CAIO': text }),
  questionnaire: z.array(questionDefinitionSchema).min(1),
  /** Questions about today's leaders and the growth plan (today-schema.ts); absent asks none. */
  today: z.unknown().optional(),
  /** An EU AI Act classifier of the playbook's own; absent means the shipped one. */
  classifier: z.unknown().optional(),
  /** Gates and signal thresholds of the register (operate.md); absent means the shipped ones. */
  operations: z.unknown().optional(),
})

export type PlaybookDoc = z.output<typeof playbookDocSchema>
export type QuestionDefinition = z.output<typeof questionDefinitionSchema>
export type CellColumn = z.output<typeof cellColumn>
