import { z } from 'zod'
import type {
  DecisionRecord,
  InitiativeDetail,
  InitiativeRecord,
  MeetingRecord,
  SeatAssignments,
  SignalAcknowledgement,
  CalendarFeed,
} from '../../store/operations-records.js'

// What the register and meeting routes answer, built field by field from an allowlist (reliability.md
// §A "mass assignment"), with the zod schemas that document them in OpenAPI.

const id = z.string()
const timestamp = z.string().describe('ISO-8601 UTC')
const day = z.string().describe('YYYY-MM-DD')
const version = z.number().int().min(1)
const visibility = z.enum(['client', 'internal'])
const stage = z.enum(['idea', 'pilot', 'production', 'retired', 'stopped'])
const seatRef = z.strictObject({ seat: z.string(), memberId: z.string().nullable() })
const anyObject = z.record(z.string(), z.unknown())
const skipped = z.strictObject({
  item: z.string(),
  detail: z.string().optional(),
  tier: z.string().optional(),
})

export const initiativeSummarySchema = z.strictObject({
  id,
  organizationId: id,
  title: z.string(),
  summary: z.string(),
  functions: z.array(z.string()),
  stage,
  stageSince: timestamp,
  owner: seatRef.nullable(),
  reviewBy: day.nullable(),
  visibility,
  archived: z.boolean(),
  version,
  createdAt: timestamp,
  createdBy: id,
  updatedAt: timestamp,
})

export const stageMoveSchema = z.strictObject({
  id,
  at: timestamp,
  from: stage.nullable(),
  to: stage,
  kind: z.enum(['created', 'moved', 'forced', 'imported']),
  reason: z.string().nullable(),
  by: id,
  seat: z.string().nullable(),
  memberId: z.string().nullable(),
  skipped: z.array(skipped),
  acknowledgedBy: z.array(seatRef),
})

export const initiativeSchema = initiativeSummarySchema.extend({
  useCase: anyObject.nullable(),
  compliance: anyObject.nullable(),
  history: z.array(stageMoveSchema),
  reviews: z.array(
    z.strictObject({
      id,
      lens: z.enum(['cto', 'caio']),
      seat: z.string(),
      memberId: id,
      at: timestamp,
      review: anyObject,
    }),
  ),
  measurements: z.array(
    z.strictObject({
      id,
      at: day,
      value: z.number(),
      note: z.string().nullable(),
      visibility,
      createdAt: timestamp,
      createdBy: id,
    }),
  ),
  overrides: z.array(
    z.strictObject({
      id,
      stageMoveId: id,
      from: stage,
      to: stage,
      items: z.array(skipped),
      reason: z.string(),
      seat: z.string(),
      memberId: id,
      at: timestamp,
    }),
  ),
  acknowledgements: z.array(
    z.strictObject({
      id,
      to: stage,
      items: z.array(z.string()),
      note: z.string().nullable(),
      seat: z.string(),
      memberId: id,
      at: timestamp,
    }),
  ),
})

export const decisionSchema = z.strictObject({
  id,
  organizationId: id,
  meetingId: id,
  text: z.string(),
  owner: seatRef.nullable(),
  due: day.nullable(),
  status: z.enum(['open', 'done', 'dropped']),
  closedAt: day.nullable(),
  initiatives: z.array(id),
  stageMove: z
    .strictObject({ initiative: id, to: stage, reason: z.string().nullable() })
    .nullable(),
  visibility,
  archived: z.boolean(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
})

export const meetingSchema = z.strictObject({
  id,
  organizationId: id,
  date: day,
  start: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  kind: z.string(),
  attendees: z.array(seatRef),
  agenda: z.array(
    z.strictObject({
      kind: z.string(),
      text: z.string(),
      initiative: id.optional(),
      decision: id.optional(),
    }),
  ),
  notes: z.string(),
  notesVisibility: visibility,
  archived: z.boolean(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
  decisions: z.array(decisionSchema),
})

export const seatsViewSchema = z.strictObject({
  organizationId: id,
  version: z.number().int().min(0),
  assignments: z.array(
    z.strictObject({
      seat: z.string(),
      memberId: id,
      role: z.enum(['holder', 'delegate']),
      from: day,
      to: day.nullable(),
    }),
  ),
})

export const signalAcknowledgementViewSchema = z.strictObject({
  id,
  key: z.string(),
  reason: z.string(),
  until: day.nullable(),
  by: id,
  at: timestamp,
})

export const calendarFeedViewSchema = z.strictObject({
  id,
  audience: visibility,
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  /** Only in the answer that creates it: the secret URL is shown once. */
  url: z.string().optional(),
})

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() })
}

export function initiativeSummaryView(
  r: InitiativeRecord,
): z.output<typeof initiativeSummarySchema> {
  return {
    id: r.id,
    organizationId: r.organizationId,
    title: r.title,
    summary: r.summary,
    functions: [...r.functions],
    stage: r.stage,
    stageSince: r.stageSince,
    owner: r.owner ? { seat: r.owner.seat, memberId: r.owner.memberId } : null,
    reviewBy: r.reviewBy,
    visibility: r.visibility,
    archived: r.archived,
    version: r.version,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
  }
}

export function initiativeView(d: InitiativeDetail): z.output<typeof initiativeSchema> {
  return {
    ...initiativeSummaryView(d),
    useCase: (d.useCase ?? null) as Record<string, unknown> | null,
    compliance: (d.compliance ?? null) as Record<string, unknown> | null,
    history: d.history.map((m) => ({
      id: m.id,
      at: m.at,
      from: m.from,
      to: m.to,
      kind: m.kind,
      reason: m.reason,
      by: m.by,
      seat: m.seat,
      memberId: m.memberId,
      skipped: m.skipped.map((s) => ({ ...s })),
      acknowledgedBy: m.acknowledgedBy.map((s) => ({ seat: s.seat, memberId: s.memberId })),
    })),
    reviews: d.reviews.map((r) => ({
      id: r.id,
      lens: r.lens,
      seat: r.seat,
      memberId: r.memberId,
      at: r.at,
      review: { ...r.review },
    })),
    measurements: d.measurements.map((m) => ({
      id: m.id,
      at: m.at,
      value: m.value,
      note: m.note,
      visibility: m.visibility,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
    })),
    overrides: d.overrides.map((o) => ({
      id: o.id,
      stageMoveId: o.stageMoveId,
      from: o.from,
      to: o.to,
      items: o.items.map((s) => ({ ...s })),
      reason: o.reason,
      seat: o.seat,
      memberId: o.memberId,
      at: o.at,
    })),
    acknowledgements: d.acknowledgements.map((a) => ({
      id: a.id,
      to: a.to,
      items: [...a.items],
      note: a.note,
      seat: a.seat,
      memberId: a.memberId,
      at: a.at,
    })),
  }
}

export function decisionView(d: DecisionRecord): z.output<typeof decisionSchema> {
  return {
    id: d.id,
    organizationId: d.organizationId,
    meetingId: d.meetingId,
    text: d.text,
    owner: d.owner ? { seat: d.owner.seat, memberId: d.owner.memberId } : null,
    due: d.due,
    status: d.status,
    closedAt: d.closedAt,
    initiatives: [...d.initiatives],
    stageMove: d.stageMove
      ? { initiative: d.stageMove.initiative, to: d.stageMove.to, reason: d.stageMove.reason }
      : null,
    visibility: d.visibility,
    archived: d.archived,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  }
}

export function meetingView(m: MeetingRecord): z.output<typeof meetingSchema> {
  return {
    id: m.id,
    organizationId: m.organizationId,
    date: m.date,
    start: m.startTime,
    status: m.status,
    kind: m.kind,
    attendees: m.attendees.map((a) => ({ seat: a.seat, memberId: a.memberId })),
    agenda: m.agenda.map((item) => ({ ...item })),
    notes: m.notes,
    notesVisibility: m.notesVisibility,
    archived: m.archived,
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    decisions: m.decisions.map(decisionView),
  }
}

export function seatsView(s: SeatAssignments): z.output<typeof seatsViewSchema> {
  return {
    organizationId: s.organizationId,
    version: s.version,
    assignments: s.assignments.map((a) => ({
      seat: a.seat,
      memberId: a.memberId,
      role: a.role,
      from: a.from,
      to: a.to,
    })),
  }
}

export function signalAcknowledgementView(
  a: SignalAcknowledgement,
): z.output<typeof signalAcknowledgementViewSchema> {
  return { id: a.id, key: a.key, reason: a.reason, until: a.until, by: a.by, at: a.at }
}

export function calendarFeedView(
  f: CalendarFeed,
  url?: string,
): z.output<typeof calendarFeedViewSchema> {
  return {
    id: f.id,
    audience: f.audience,
    createdAt: f.createdAt,
    revokedAt: f.revokedAt,
    ...(url ? { url } : {}),
  }
}
