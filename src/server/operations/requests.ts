import { z } from 'zod'
import {
  agendaItemSchema,
  assignmentSchema,
  complianceSchema,
  daySchema,
  measureSchema,
  seatRefSchema,
} from '../../engine/operations/operations-schema.js'
import {
  DECISION_STATUSES,
  GATE_ITEM_IDS,
  GATED_STAGES,
  LENS_ANSWERS,
  MEETING_KINDS,
  MEETING_STATUSES,
  STAGES,
  VISIBILITIES,
} from '../../engine/operations/vocabulary.js'
import { useCaseSchema } from '../../engine/profile-schema.js'
import { AI_FUNCTIONS } from '../../engine/vocabulary.js'

// Request bodies and queries of the register, meeting, signal and seat routes (operate.md §5). The
// record parts are the engine's `tandem/operations@1` schemas; what the server adds is what a
// request may not set (ids, authors, dates of record) and the edge limits of reliability.md §C:
// every string bounded, no control characters (PostgreSQL refuses NUL; both databases answer 400).

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- a single line: no line breaks either
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/

/** A one-line text of at most `max` characters. */
export function line(max = 200) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL_OR_BREAK.test(value), 'no control characters')
}

/** A text that may span lines, of at most `max` characters. */
export function prose(max = 5000) {
  return z
    .string()
    .max(max)
    .refine((value) => !CONTROL.test(value), 'no control characters')
}

const visibility = z.enum(VISIBILITIES)
const seatRef = z.strictObject({ seat: line(60), memberId: line(200).optional() })
const version = z.number().int().min(1)
const id = z.string().min(1).max(200)

export const initiativeCreateSchema = z.strictObject({
  title: line(),
  summary: prose().optional(),
  functions: z.array(z.enum(AI_FUNCTIONS)).max(20).optional(),
  owner: seatRef.optional(),
  useCase: useCaseSchema.optional(),
  compliance: complianceSchema.optional(),
  reviewBy: daySchema.optional(),
  visibility: visibility.optional(),
})

export const initiativePatchSchema = z.strictObject({
  expectedVersion: version,
  title: line().optional(),
  summary: prose().optional(),
  functions: z.array(z.enum(AI_FUNCTIONS)).max(20).optional(),
  owner: seatRef.nullable().optional(),
  useCase: useCaseSchema.nullable().optional(),
  compliance: complianceSchema.nullable().optional(),
  reviewBy: daySchema.nullable().optional(),
  visibility: visibility.optional(),
  archived: z.boolean().optional(),
})

const answer = z.enum(LENS_ANSWERS)
const reviewCommon = {
  /** The seat the reviewer acts for; defaults to the seat that reviews this lens. */
  seat: line(60).optional(),
  note: prose().optional(),
  visibility: visibility.optional(),
}

export const reviewSchema = z.discriminatedUnion('lens', [
  z.strictObject({
    lens: z.literal('cto'),
    build: answer,
    scale: answer,
    secure: answer,
    ...reviewCommon,
  }),
  z.strictObject({
    lens: z.literal('caio'),
    should: answer,
    value: prose(2000).optional(),
    estimate: z.strictObject({ amount: z.number().finite(), unit: line(40) }).optional(),
    measure: measureSchema.optional(),
    ...reviewCommon,
  }),
])
export type ReviewBody = z.output<typeof reviewSchema>

export const stageMoveSchema = z.strictObject({
  to: z.enum(STAGES),
  reason: prose(2000).optional(),
  force: z.boolean().optional(),
  /** The seat the mover acts for; defaults to the initiative's owner seat. */
  seat: line(60).optional(),
  /** The version read; a move checked against an older state answers 409. */
  expectedVersion: version.optional(),
})

export const measurementCreateSchema = z.strictObject({
  at: daySchema,
  value: z.number().finite(),
  note: prose(2000).optional(),
  visibility: visibility.optional(),
})

export const gateAcknowledgementSchema = z.strictObject({
  to: z.enum(GATED_STAGES),
  items: z.array(z.enum(GATE_ITEM_IDS)).min(1).max(GATE_ITEM_IDS.length),
  note: prose(2000).optional(),
  seat: line(60).optional(),
})

const stageMoveRequest = z.strictObject({
  initiative: id,
  to: z.enum(STAGES),
  reason: prose(2000).optional(),
})

export const decisionCreateSchema = z.strictObject({
  text: prose(2000).pipe(z.string().trim().min(1)),
  owner: seatRef.optional(),
  due: daySchema.optional(),
  initiatives: z.array(id).max(50).optional(),
  stageMove: stageMoveRequest.optional(),
  visibility: visibility.optional(),
})

export const decisionPatchSchema = z.strictObject({
  expectedVersion: version,
  text: prose(2000).pipe(z.string().trim().min(1)).optional(),
  owner: seatRef.nullable().optional(),
  due: daySchema.nullable().optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  initiatives: z.array(id).max(50).optional(),
  visibility: visibility.optional(),
  archived: z.boolean().optional(),
})

const meetingFields = {
  status: z.enum(MEETING_STATUSES).optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  start: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')
    .optional(),
  attendees: z.array(seatRef).max(50).optional(),
  agenda: z.array(agendaItemSchema).max(100).optional(),
  decisions: z.array(decisionCreateSchema).max(50).optional(),
  notes: prose(20_000).optional(),
  notesVisibility: visibility.optional(),
}

export const meetingCreateSchema = z.strictObject({ date: daySchema, ...meetingFields })

export const meetingPatchSchema = z.strictObject({
  expectedVersion: version,
  date: daySchema.optional(),
  archived: z.boolean().optional(),
  ...meetingFields,
})

export const seatsSchema = z.strictObject({
  assignments: z.array(assignmentSchema).max(100),
  expectedVersion: z.number().int().min(0).optional(),
})

export const signalAcknowledgementSchema = z.strictObject({
  key: line(300),
  reason: prose(2000).pipe(z.string().trim().min(1)),
  until: daySchema,
})

export const initiativeListQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  owner: line(60).optional(),
  archived: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  after: z.string().max(1000).optional(),
})

export const meetingListQuery = z.strictObject({
  status: z.enum(MEETING_STATUSES).optional(),
  archived: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  after: z.string().max(1000).optional(),
})

export { seatRefSchema }

/** The object without its undefined fields (bodies parsed by zod carry them; the store's types do not). */
export function withoutUndefined<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
