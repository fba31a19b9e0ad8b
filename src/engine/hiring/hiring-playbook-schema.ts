import { z } from 'zod'
import type { SEAT_TITLES } from '../vocabulary.js'
import { ENGAGEMENTS, QUESTION_IDS, SEAT_GAPS } from '../vocabulary.js'

// The playbook's `hiring:` block: fractional time, lead times and seat briefs (this playbook's own
// planning assumptions, labelled as such in every output). Validated on load with the rest.

const text = z.string().trim().min(1)
const days = z.number().min(0).max(7)
const perTitle = <T extends z.ZodType>(value: T) =>
  z.strictObject({ CTO: value, CAIO: value, 'CTO/CAIO': value })

const quoteSchema = z.strictObject({ passage: text, quote: text })

const briefSchema = z.strictObject({
  lens: quoteSchema,
  mustHaves: z.array(quoteSchema.extend({ means: text })).min(1),
  evidence: z.array(text).min(1),
  questions: z.array(text).min(1),
  scorecard: z.array(z.strictObject({ criterion: text, lookFor: text })).min(1),
})

export const hiringPlaybookSchema = z.strictObject({
  note: text,
  fullTimeDaysPerWeek: days,
  maxFractionalDaysPerWeek: days,
  workingWeeksPerYear: z.number().int().min(1).max(52),
  baseDays: perTitle(days),
  unifiedAiShare: z.number().min(0).max(1),
  ctoOwnsAiDays: days,
  adjustments: z.array(
    z.strictObject({
      holds: z.enum(['tech', 'ai']),
      question: z.enum(QUESTION_IDS),
      level: text,
      days,
      why: text,
    }),
  ),
  leadTimeMonths: z.strictObject(
    Object.fromEntries(ENGAGEMENTS.map((e) => [e, perTitle(z.number().int().min(0).max(36))])) as {
      [K in (typeof ENGAGEMENTS)[number]]: ReturnType<typeof perTitle<z.ZodNumber>>
    },
  ),
  gapMonths: z.strictObject(
    Object.fromEntries(SEAT_GAPS.map((g) => [g, z.number().int().min(1).max(36)])) as {
      [K in (typeof SEAT_GAPS)[number]]: z.ZodNumber
    },
  ),
  briefs: perTitle(briefSchema),
})

export type HiringPlaybook = z.output<typeof hiringPlaybookSchema>
export type BriefTemplate = HiringPlaybook['briefs'][(typeof SEAT_TITLES)[number]]
