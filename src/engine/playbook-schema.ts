import { z } from 'zod'
import type { ANTI_PATTERN_IDS } from './vocabulary.js'
import {
  AI_DEMANDS,
  BUDGET_LEVELS,
  CENTRALITY_LEVELS,
  CHARTER_GROUPS,
  CHARTER_ROW_IDS,
  COMPLEXITY_LEVELS,
  DEPTHS,
  ENGAGEMENTS,
  INDUSTRIES,
  QUESTION_IDS,
  REACH_LEVELS,
  SEAT_GAPS,
  SEAT_TITLES,
  SEVERITIES,
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
  /** Principle 1 of framework.md §4a: technology 0–1, AI value 0–3. */
  dedication: z.strictObject({
    tech: z.number().int().min(0).max(1),
    ai: z.number().int().min(0).max(3),
  }),
  label: text,
  stage: z.number().int().min(1).max(3),
  pathOrder: z.number().min(0),
  seats: z.array(seatTemplateSchema).min(1),
  source: z.array(id).default([]),
})

/** A text, or texts with conditions of which the first that holds of the facts is given. */
const conditionalText = z.union([
  text,
  z.array(z.strictObject({ when: conditionSchema.optional(), text })).min(1),
])

const ruleSchema = z.strictObject({
  id,
  when: conditionSchema,
  structure: z.enum(STRUCTURES),
  why: conditionalText,
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
  /** The passage an answer quotes: the first of the list whose condition holds. */
  source: z.union([id, z.array(id).min(1)]),
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

/** One anti-pattern's texts: its evidence phrasings and its remedies, by the detector's names for them. */
function antiPattern<E extends string, R extends string>(
  evidence: readonly [E, ...E[]],
  remedies: readonly [R, ...R[]],
) {
  return z.strictObject({
    title: text,
    source: id,
    severity: z.enum(SEVERITIES),
    /** Facts that make the finding critical on its own. */
    critical: conditionSchema.optional(),
    evidence: z.strictObject(
      Object.fromEntries(evidence.map((k) => [k, text])) as Record<E, typeof text>,
    ),
    remedies: z.strictObject(
      Object.fromEntries(remedies.map((k) => [k, text])) as Record<R, typeof text>,
    ),
    /** Steps of `seating.steps` a remedy stands in for when the finding is present. */
    replaces: z.array(z.enum(SEATING_STEPS)).default([]),
  })
}

/** The step texts of `seating.steps`: what changes, said with the people's names. */
export const SEATING_STEPS = [
  'stay',
  'move',
  'eitherSeat',
  'offer',
  'overBudget',
  'overBudgetUntil',
  'gap',
  'bringIn',
  'fill',
  'departNotQualified',
  'departOverBudget',
  'departNoSeat',
  'derisk',
  'charter',
  'writeCharter',
  'weekly',
  'review',
] as const

const depth = z.enum(DEPTHS)
const seatingSchema = z.strictObject({
  needs: z.strictObject({
    CTO: z.array(depth),
    CAIO: z.array(depth),
    'CTO/CAIO': z.array(depth),
  }),
  fluency: z.strictObject({ structures: z.array(z.enum(STRUCTURES)), gap: z.enum(SEAT_GAPS) }),
  lenient: z
    .array(
      z.strictObject({
        titles: z.array(z.enum(SEAT_TITLES)).min(1),
        size: levels(SIZES).optional(),
        lacks: depth,
        gap: z.enum(SEAT_GAPS),
      }),
    )
    .default([]),
  gaps: z.strictObject(
    Object.fromEntries(SEAT_GAPS.map((g) => [g, text])) as Record<
      (typeof SEAT_GAPS)[number],
      typeof text
    >,
  ),
  steps: z.strictObject(
    Object.fromEntries(SEATING_STEPS.map((k) => [k, text])) as Record<
      (typeof SEATING_STEPS)[number],
      typeof text
    >,
  ),
  reason: text,
  budgetInferred: text,
})

export const playbookDocSchema = z.strictObject({
  schema: z.literal(PLAYBOOK_SCHEMA_ID),
  id,
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'a semantic version such as "1.0.0"'),
  title: text,
  /** The article's words, verbatim; with `when`, quoted only where the condition holds. */
  passages: z.record(id, z.union([text, z.strictObject({ text, when: conditionSchema })])),
  /** The playbook's own design notes: labelled as notes in reports, never quoted. */
  notes: z.record(id, text).default({}),
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
    /** A finding with this many symptoms or more is critical (framework.md §5). */
    symptoms: z.strictObject({ criticalAt: positiveInt }),
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
  symptoms: z.strictObject({ responsibilities: text, pilots: text, roi: text }),
  antiPatterns: z.strictObject({
    'cto-can-handle-ai': antiPattern(['seat', 'demand'], ['seat', 'unified']),
    'caio-without-technical-depth': antiPattern(['depth'], ['seat', 'noSeat']),
    'unified-without-dual-depth': antiPattern(['ai', 'tech'], ['gap', 'split', 'replace']),
    'roles-later': antiPattern(['charter', 'row'], ['charter']),
    'partners-dont-talk': antiPattern(['meetings'], ['weekly', 'oneSeat']),
  } satisfies Record<(typeof ANTI_PATTERN_IDS)[number], z.ZodType>),
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
  seating: seatingSchema,
  summary: z.strictObject({
    headline: text,
    headlineWithoutCurrent: text,
    headlineNoLeader: text,
    holder: text,
    newSeat: text,
    openSeat: text,
    disclaimer: text,
  }),
  seatGuidance: z.strictObject({ CTO: text, CAIO: text, 'CTO/CAIO': text }),
  questionnaire: z.array(questionDefinitionSchema).min(1),
  /** Questions about today's leaders and the growth plan (today-schema.ts); absent asks none. */
  today: z.unknown().optional(),
  /** An EU AI Act classifier of the playbook's own; absent means the shipped one. */
  classifier: z.unknown().optional(),
  /** Gates and signal thresholds of the register (operate.md); absent means the shipped ones. */
  operations: z.unknown().optional(),
  /** Fractional time, lead times and seat briefs (hiring/); absent gives no sizing or briefs. */
  hiring: z.unknown().optional(),
})

export type PlaybookDoc = z.output<typeof playbookDocSchema>
export type QuestionDefinition = z.output<typeof questionDefinitionSchema>
export type CellColumn = z.output<typeof cellColumn>
