import { z } from 'zod'
import { useCaseSchema } from '../profile-schema.js'
import { AI_ACT_TIERS, AI_FUNCTIONS, ENGAGEMENTS, SEAT_TITLES, STRUCTURES } from '../vocabulary.js'
import { isDay, isInstant } from './dates.js'
import {
  AGENDA_KINDS,
  ASSIGNMENT_ROLES,
  MEETING_CADENCES,
  DECISION_STATUSES,
  GATE_ITEM_IDS,
  LENS_ANSWERS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MOVE_KINDS,
  OPERATIONS_SCHEMA_ID,
  STAGES,
  VISIBILITIES,
} from './vocabulary.js'

// `tandem/operations@1` (operate.md §1, §2, §5): an organization's register, meetings and
// acknowledgements. The same records back the store, the API and the CLI's operations file.

const text = z.string().trim().min(1)
/** Record ids: stable, URL-safe, chosen by whoever creates the record. */
export const recordIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'an id of letters, digits, ".", "_" or "-"')
export const daySchema = z.string().refine(isDay, 'a date as YYYY-MM-DD')
/** A day or an ISO date-time (`2026-12-07T09:30:00Z`); the engine counts in whole days. */
export const instantSchema = z
  .string()
  .refine(isInstant, 'a date as YYYY-MM-DD or a date-time as YYYY-MM-DDTHH:MM:SSZ')
const visibility = z.enum(VISIBILITIES).default('client')
/** A seat title from the charter (`CTO`, `CAIO`, `CTO/CAIO`, `CEO`, ...). */
const seatTitle = z.string().trim().min(1).max(60)

/** A seat and, optionally, the workspace member acting for it at the time. */
export const seatRefSchema = z.strictObject({
  seat: seatTitle,
  memberId: text.optional(),
})

export const orgSeatSchema = z.strictObject({
  title: z.enum(SEAT_TITLES),
  engagement: z.enum(ENGAGEMENTS).optional(),
  /** The person holding it, as reports name them. */
  name: text.optional(),
  /** Has built and shipped AI systems in past roles (framework.md §5: AI depth). */
  shippedAiSystems: z.boolean().optional(),
  /** Has led a technology organization (technology depth). */
  ledTechOrg: z.boolean().optional(),
})

export const assignmentSchema = z.strictObject({
  seat: seatTitle,
  memberId: text,
  role: z.enum(ASSIGNMENT_ROLES),
  from: daySchema,
  to: daySchema.optional(),
})

export const organizationSchema = z.strictObject({
  name: text,
  structure: z.enum(STRUCTURES).optional(),
  seats: z.array(orgSeatSchema).default([]),
  assignments: z.array(assignmentSchema).default([]),
  /** Defaults to weekly where a CTO seat and a CAIO seat both exist, else monthly. */
  cadence: z.enum(MEETING_CADENCES).optional(),
  timeZone: z.string().trim().min(1).default('UTC'),
  /** The seat reviewing the CAIO lens where no CAIO seat exists (the charter's `ai-strategy` A). */
  aiStrategySeat: seatTitle.optional(),
  /** The day the register started; defaults to its earliest record. */
  registerStarted: daySchema.optional(),
})

export const ctoReviewSchema = z.strictObject({
  at: instantSchema,
  by: seatRefSchema,
  build: z.enum(LENS_ANSWERS),
  scale: z.enum(LENS_ANSWERS),
  secure: z.enum(LENS_ANSWERS),
  note: z.string().optional(),
  visibility,
})

export const measureSchema = z.strictObject({
  metric: text,
  unit: z.string().trim().optional(),
  baseline: z.number().finite().optional(),
  target: z.number().finite().optional(),
})

export const caioReviewSchema = z.strictObject({
  at: instantSchema,
  by: seatRefSchema,
  should: z.enum(LENS_ANSWERS),
  /** Where it creates value, in words. */
  value: z.string().optional(),
  estimate: z.strictObject({ amount: z.number().finite(), unit: text }).optional(),
  measure: measureSchema.optional(),
  note: z.string().optional(),
  visibility,
})

export const stageMoveRecordSchema = z.strictObject({
  at: instantSchema,
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  kind: z.enum(MOVE_KINDS).default('move'),
  by: seatRefSchema.optional(),
  reason: z.string().optional(),
  /** Gate items missing when a move was forced: they stay open as gate debt until met. */
  skipped: z
    .array(
      z.strictObject({
        item: z.enum(GATE_ITEM_IDS),
        detail: text.optional(),
        /** The use case's EU AI Act tier when the item was skipped, for `use-case-tier` items. */
        tier: z.enum(AI_ACT_TIERS).optional(),
      }),
    )
    .default([]),
  /** The other lens's seat acknowledging a forced skip (operate.md §1 "Forcing"). */
  acknowledgedBy: z.array(seatRefSchema).default([]),
})

export const measurementSchema = z.strictObject({
  at: instantSchema,
  value: z.number().finite(),
  note: z.string().optional(),
  visibility,
})

/** Progress on an EU AI Act duty of the use case: a transparency duty or an obligation, by id. */
export const dutySchema = z.strictObject({
  id: text,
  done: z.boolean(),
  evidence: z.string().trim().min(1).optional(),
  at: instantSchema.optional(),
})

export const complianceSchema = z.strictObject({
  duties: z.array(dutySchema).default([]),
  /** The person answering for human oversight of a high-risk system (Art. 14, Art. 26(2)). */
  oversightOwner: text.optional(),
  /** The documented Art. 6(3) assessment, where a derogation is claimed (a link or a reference). */
  derogationAssessment: text.optional(),
})

export const initiativeSchema = z.strictObject({
  id: recordIdSchema,
  title: text,
  summary: z.string().default(''),
  functions: z.array(z.enum(AI_FUNCTIONS)).default([]),
  useCase: useCaseSchema.optional(),
  compliance: complianceSchema.default({ duties: [] }),
  owner: seatRefSchema.optional(),
  visibility,
  createdAt: instantSchema,
  /** The current stage; the last move of `history` when given. */
  stage: z.enum(STAGES).optional(),
  history: z.array(stageMoveRecordSchema).default([]),
  /** When a pilot is due a production decision; default: the playbook's days after entering pilot. */
  reviewBy: daySchema.optional(),
  lenses: z
    .strictObject({
      cto: z.array(ctoReviewSchema).default([]),
      caio: z.array(caioReviewSchema).default([]),
    })
    .default({ cto: [], caio: [] }),
  measurements: z.array(measurementSchema).default([]),
  archived: z.boolean().default(false),
})

export const stageMoveRequestSchema = z.strictObject({
  initiative: recordIdSchema,
  to: z.enum(STAGES),
  reason: z.string().optional(),
})

export const decisionSchema = z.strictObject({
  id: recordIdSchema,
  text,
  owner: seatRefSchema.optional(),
  due: daySchema.optional(),
  status: z.enum(DECISION_STATUSES).default('open'),
  /** The day it was done or dropped. */
  closedAt: daySchema.optional(),
  initiatives: z.array(recordIdSchema).default([]),
  stageMove: stageMoveRequestSchema.optional(),
  visibility,
})

export const agendaItemSchema = z.strictObject({
  kind: z.enum(AGENDA_KINDS).default('other'),
  text,
  initiative: recordIdSchema.optional(),
  decision: recordIdSchema.optional(),
})

export const meetingSchema = z.strictObject({
  id: recordIdSchema,
  date: daySchema,
  /** Local start time in the organization's time zone. */
  start: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')
    .optional(),
  kind: z.enum(MEETING_KINDS).default('alignment'),
  /** Absent: `held` when the date is on or before the day asked about, else `scheduled`. */
  status: z.enum(MEETING_STATUSES).optional(),
  attendees: z.array(seatRefSchema).default([]),
  agenda: z.array(agendaItemSchema).default([]),
  decisions: z.array(decisionSchema).default([]),
  notes: z.string().optional(),
  notesVisibility: visibility,
  archived: z.boolean().default(false),
})

export const acknowledgementSchema = z.strictObject({
  key: text,
  reason: text,
  until: daySchema,
  by: text,
  at: instantSchema.optional(),
})

export const operationsSchema = z.strictObject({
  schema: z.literal(OPERATIONS_SCHEMA_ID),
  organization: organizationSchema,
  initiatives: z.array(initiativeSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  acknowledgements: z.array(acknowledgementSchema).default([]),
})

export type Operations = z.output<typeof operationsSchema>
export type OperationsInput = z.input<typeof operationsSchema>
export type Organization = z.output<typeof organizationSchema>
export type OrgSeat = z.output<typeof orgSeatSchema>
export type Assignment = z.output<typeof assignmentSchema>
export type SeatRef = z.output<typeof seatRefSchema>
export type Initiative = z.output<typeof initiativeSchema>
export type InitiativeInput = z.input<typeof initiativeSchema>
export type CtoReview = z.output<typeof ctoReviewSchema>
export type CaioReview = z.output<typeof caioReviewSchema>
export type Measure = z.output<typeof measureSchema>
export type StageMoveRecord = z.output<typeof stageMoveRecordSchema>
export type Measurement = z.output<typeof measurementSchema>
export type Duty = z.output<typeof dutySchema>
export type Compliance = z.output<typeof complianceSchema>
export type MeetingDecision = z.output<typeof decisionSchema>
export type StageMoveRequest = z.output<typeof stageMoveRequestSchema>
export type AgendaItem = z.output<typeof agendaItemSchema>
export type Meeting = z.output<typeof meetingSchema>
export type MeetingInput = z.input<typeof meetingSchema>
export type Acknowledgement = z.output<typeof acknowledgementSchema>
