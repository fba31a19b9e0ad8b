import { z } from 'zod'
import { useCaseSchema } from '../profile-schema.js'
import {
  AI_ACT_TIERS,
  DEROGATIONS,
  USE_CASE_AREAS,
  USE_CASE_FACTS,
  USE_CASE_ROLES,
} from '../vocabulary.js'

// The EU AI Act classifier as data (`tandem/classifier@1`, stakes.md): a decision tree of questions,
// each reading one fact of the use case record, ending in cited conclusions.

export const CLASSIFIER_SCHEMA_ID = 'tandem/classifier@1'

/** The yes/no facts the classifier reads: the use case record's own. */
export const BOOLEAN_FACTS = USE_CASE_FACTS
export type BooleanFact = (typeof BOOLEAN_FACTS)[number]

export const CHOICE_FACTS = ['point', 'area', 'derogation', 'role'] as const
export type ChoiceFact = (typeof CHOICE_FACTS)[number]

export type FactName = BooleanFact | ChoiceFact

/** A single use case record as `tandem classify` reads it: the profile's use case record. */
export const classifiedUseCaseSchema = useCaseSchema
/** The use case record the classifier reads: the profile's use case plus the extra facts. */
export type ClassifiedUseCase = z.output<typeof classifiedUseCaseSchema>

/**
 * Same pattern as the profile's `point` field: an Annex III point, an Art. 5(1) letter, or `none`
 * (none of the points a question offers applies, stakes.md amendment 2026-12).
 */
export const POINT_PATTERN = /^([1-8][a-e]?|5-1-[a-h]|none)$/

/** Closed vocabularies of the choice facts; `point` is checked against POINT_PATTERN instead. */
export const CHOICE_VALUES: Readonly<Record<Exclude<ChoiceFact, 'point'>, readonly string[]>> = {
  area: USE_CASE_AREAS,
  derogation: DEROGATIONS,
  role: USE_CASE_ROLES,
}

const text = z.string().trim().min(1)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and dashes')

const citeSchema = z.strictObject({ ref: text, summary: text })

const edgeSchema = z.strictObject({ next: id, cite: citeSchema.optional() })

const answerSchema = z.strictObject({
  value: z.union([z.literal(true), text]),
  label: text.optional(),
  next: id,
  cite: citeSchema.optional(),
})

const questionSchema = z.strictObject({
  id,
  reads: z.enum([...BOOLEAN_FACTS, ...CHOICE_FACTS]),
  ref: text,
  summary: text,
  ask: text,
  /** What a person needs to answer well: examples and what the question does not cover. */
  help: text.optional(),
  /**
   * Asked again in a walk when the fact is still unknown or has none of this question's answers:
   * the answer changes the tier (the Annex III 5 point, stakes.md amendment 2026-12).
   */
  insist: z.boolean().default(false),
  answers: z.array(answerSchema).min(1),
  // Optional in the schema so that a missing branch is reported as a dead end, by name.
  otherwise: z.union([id, edgeSchema]).optional(),
})

const conclusionSchema = z.strictObject({
  id,
  ref: text,
  summary: text,
  tier: z.enum(AI_ACT_TIERS).optional(),
  transparency: text.optional(),
  obligations: z.array(id).default([]),
  applies: z.array(id).default([]),
})

export const DATE_STATUSES = ['in-force', 'to-confirm'] as const
export type DateStatus = (typeof DATE_STATUSES)[number]

const datedFactSchema = z.strictObject({
  id,
  date: isoDate,
  ref: text,
  summary: text,
  /** The text the date is read from (the Regulation as published, or the amending act). */
  source: text,
  status: z.enum(DATE_STATUSES),
  /** A change `to-confirm` that the tree already reflects; when false, passing it warns. */
  encoded: z.boolean().default(false),
  asOf: isoDate,
})

const obligationSchema = z.strictObject({
  id,
  ref: text,
  role: z.enum([...USE_CASE_ROLES, 'any']),
  summary: text,
})

export const classifierDocumentSchema = z.strictObject({
  schema: z.literal(CLASSIFIER_SCHEMA_ID),
  id,
  version: text,
  title: text,
  source: text,
  asOf: isoDate,
  dates: z.array(datedFactSchema).default([]),
  obligations: z.array(obligationSchema).default([]),
  tier: id,
  transparency: z.array(id).default([]),
  /** Trees of duties that hold beside any tier: general-purpose AI models (Chapter V). */
  models: z.array(id).default([]),
  questions: z.array(questionSchema).min(1),
  conclusions: z.array(conclusionSchema).min(1),
})

export type ClassifierDocument = z.output<typeof classifierDocumentSchema>
export type QuestionDocument = ClassifierDocument['questions'][number]
export type ConclusionDocument = ClassifierDocument['conclusions'][number]
export type DatedFact = ClassifierDocument['dates'][number]
export type ObligationDocument = ClassifierDocument['obligations'][number]
export type Cite = z.output<typeof citeSchema>
