import type { KeysetPage, PageRequest } from './keyset-page.js'
import type { Actor, Timestamp } from './store.js'

// What the store keeps of Operate (docs/operations.md): the register, the meetings, seats, signal
// acknowledgements and calendar feeds. The engine's own types (src/engine/operations/) are built
// from these by the server; the store knows nothing of gates or signals.

export const STAGES = ['idea', 'pilot', 'production', 'retired', 'stopped'] as const
export type Stage = (typeof STAGES)[number]
export const LENSES = ['cto', 'caio'] as const
export type Lens = (typeof LENSES)[number]
export const VISIBILITIES = ['client', 'internal'] as const
export type Visibility = (typeof VISIBILITIES)[number]
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
export const DECISION_STATUSES = ['open', 'done', 'dropped'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]
export const SEAT_ROLES = ['holder', 'delegate'] as const
export type SeatRole = (typeof SEAT_ROLES)[number]
/** How an initiative reached a stage: created, an ordinary move, a forced move, an import. */
export const MOVE_KINDS = ['created', 'moved', 'forced', 'imported'] as const
export type MoveKind = (typeof MOVE_KINDS)[number]

/** ISO date, `YYYY-MM-DD`. */
export type IsoDate = string

/** A seat title of the organization's charter, and optionally the member acting for it. */
export interface SeatRef {
  readonly seat: string
  readonly memberId: string | null
}

export interface SeatAssignment {
  readonly seat: string
  readonly memberId: string
  readonly role: SeatRole
  readonly from: IsoDate
  readonly to: IsoDate | null
}

export interface SeatAssignments {
  readonly organizationId: string
  /** 0 before the first save; the optimistic-concurrency version of the set. */
  readonly version: number
  readonly assignments: readonly SeatAssignment[]
}

/** A member's assignment with where it is, for "my items" across workspaces. */
export interface MemberSeat extends SeatAssignment {
  readonly workspaceId: string
  readonly organizationId: string
}

/** The editable fields of an initiative besides title, stage and owner, kept as one document. */
export interface InitiativeDoc {
  readonly summary: string
  readonly functions: readonly string[]
  /** The classifier's use case record, as given (it carries its EU AI Act tier). */
  readonly useCase: unknown
  /** Duties and obligations marked done, evidence links, the human-oversight owner. */
  readonly compliance: unknown
  /** When a pilot is due for review; null: the playbook's default after entering pilot. */
  readonly reviewBy: IsoDate | null
  readonly visibility: Visibility
}

export interface InitiativeRecord extends InitiativeDoc {
  readonly id: string
  readonly workspaceId: string
  readonly organizationId: string
  readonly title: string
  readonly stage: Stage
  /** When it entered its current stage. */
  readonly stageSince: Timestamp
  readonly owner: SeatRef | null
  readonly archived: boolean
  readonly version: number
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly updatedAt: Timestamp
}

/** A gate item a forced move skipped (gate debt), as the engine names it. */
export interface SkippedItem {
  readonly item: string
  readonly detail?: string | undefined
  readonly tier?: string | undefined
}

export interface StageMove {
  readonly id: string
  readonly at: Timestamp
  readonly from: Stage | null
  readonly to: Stage
  readonly kind: MoveKind
  readonly reason: string | null
  readonly by: string
  readonly seat: string | null
  readonly memberId: string | null
  /** Gate items missing when the move was forced (gate debt); empty otherwise. */
  readonly skipped: readonly SkippedItem[]
  /** Seats of the other lens that acknowledged the skipped items before the move was forced. */
  readonly acknowledgedBy: readonly SeatRef[]
}

export interface LensReview {
  readonly id: string
  readonly lens: Lens
  readonly seat: string
  readonly memberId: string
  readonly at: Timestamp
  /** The answers as given: CTO `build`, `scale`, `secure`; CAIO `should`, `value`, `measure`; `note`. */
  readonly review: Readonly<Record<string, unknown>>
}

export interface Measurement {
  readonly id: string
  readonly at: IsoDate
  readonly value: number
  readonly note: string | null
  readonly visibility: Visibility
  readonly createdAt: Timestamp
  readonly createdBy: string
}

export interface GateOverride {
  readonly id: string
  readonly stageMoveId: string
  readonly from: Stage
  readonly to: Stage
  readonly items: readonly SkippedItem[]
  readonly reason: string
  readonly seat: string
  readonly memberId: string
  readonly at: Timestamp
}

export interface GateAcknowledgement {
  readonly id: string
  readonly to: Stage
  readonly items: readonly string[]
  readonly note: string | null
  readonly seat: string
  readonly memberId: string
  readonly at: Timestamp
}

/** An initiative with everything that happened to it, oldest first. */
export interface InitiativeDetail extends InitiativeRecord {
  readonly history: readonly StageMove[]
  readonly reviews: readonly LensReview[]
  readonly measurements: readonly Measurement[]
  readonly overrides: readonly GateOverride[]
  readonly acknowledgements: readonly GateAcknowledgement[]
}

export interface InitiativeInput {
  readonly title: string
  readonly summary?: string
  readonly functions?: readonly string[]
  readonly useCase?: unknown
  readonly compliance?: unknown
  readonly reviewBy?: IsoDate | null
  readonly visibility?: Visibility
  readonly owner?: SeatRef | null
}

export interface InitiativePatch {
  readonly title?: string
  readonly summary?: string
  readonly functions?: readonly string[]
  readonly useCase?: unknown
  readonly compliance?: unknown
  readonly reviewBy?: IsoDate | null
  readonly visibility?: Visibility
  readonly owner?: SeatRef | null
  readonly archived?: boolean
}

export interface InitiativeListQuery extends PageRequest {
  readonly stage?: Stage
  readonly ownerSeat?: string
  readonly includeArchived?: boolean
}

export interface InitiativeStore {
  /**
   * Starts at `idea`, or at `stage` for an import (recorded as imported, not forced). Throws
   * NotFoundError when the organization is not in the workspace.
   */
  create(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: InitiativeInput & { readonly stage?: Stage; readonly by?: SeatRef | null },
  ): Promise<InitiativeDetail>
  get(workspaceId: string, initiativeId: string): Promise<InitiativeDetail | null>
  list(
    workspaceId: string,
    organizationId: string,
    query?: InitiativeListQuery,
  ): Promise<KeysetPage<InitiativeRecord>>
  /** Every initiative of the organization with its history (archived ones too), for the engine. */
  listDetailed(workspaceId: string, organizationId: string): Promise<readonly InitiativeDetail[]>
  update(
    actor: Actor,
    workspaceId: string,
    initiativeId: string,
    input: { readonly patch: InitiativePatch; readonly expectedVersion: number },
  ): Promise<InitiativeDetail>
  addReview(
    actor: Actor,
    workspaceId: string,
    initiativeId: string,
    input: {
      readonly lens: Lens
      readonly by: SeatRef & { memberId: string }
      review: Record<string, unknown>
    },
  ): Promise<InitiativeDetail>
  /**
   * Records a stage move (the caller checked the gate). `skipped` items make it a forced move with
   * a gate override. Throws ConflictError when the initiative changed since `expectedVersion`.
   */
  move(
    actor: Actor,
    workspaceId: string,
    initiativeId: string,
    input: {
      readonly to: Stage
      readonly reason: string | null
      readonly by: SeatRef | null
      readonly skipped?: readonly SkippedItem[]
      readonly expectedVersion: number
    },
  ): Promise<InitiativeDetail>
  addMeasurement(
    actor: Actor,
    workspaceId: string,
    initiativeId: string,
    input: {
      readonly at: IsoDate
      readonly value: number
      readonly note?: string | null
      readonly visibility?: Visibility
    },
  ): Promise<InitiativeDetail>
  acknowledgeGate(
    actor: Actor,
    workspaceId: string,
    initiativeId: string,
    input: {
      readonly to: Stage
      readonly items: readonly string[]
      readonly note?: string | null
      readonly by: SeatRef & { memberId: string }
    },
  ): Promise<InitiativeDetail>
}

export interface DecisionRecord {
  readonly id: string
  readonly workspaceId: string
  readonly organizationId: string
  readonly meetingId: string
  readonly text: string
  readonly owner: SeatRef | null
  readonly due: IsoDate | null
  readonly status: DecisionStatus
  /** The day it was done or dropped. */
  readonly closedAt: IsoDate | null
  readonly initiatives: readonly string[]
  readonly stageMove: {
    readonly initiative: string
    readonly to: Stage
    readonly reason: string | null
  } | null
  readonly visibility: Visibility
  readonly archived: boolean
  readonly version: number
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly updatedAt: Timestamp
}

export interface DecisionInput {
  readonly text: string
  readonly owner?: SeatRef | null
  readonly due?: IsoDate | null
  readonly status?: DecisionStatus
  /** For a decision recorded closed (an import); defaults to the meeting's date. */
  readonly closedAt?: IsoDate | null
  readonly initiatives?: readonly string[]
  readonly stageMove?: DecisionRecord['stageMove']
  readonly visibility?: Visibility
}

export interface DecisionPatch {
  readonly text?: string
  readonly owner?: SeatRef | null
  readonly due?: IsoDate | null
  readonly status?: DecisionStatus
  readonly initiatives?: readonly string[]
  readonly visibility?: Visibility
  readonly archived?: boolean
}

export interface Attendee {
  readonly seat: string
  readonly memberId: string | null
}

export interface AgendaItem {
  readonly kind: string
  readonly text: string
  readonly initiative?: string | undefined
  readonly decision?: string | undefined
}

export interface MeetingDoc {
  readonly startTime: string | null
  readonly timeZone: string | null
  readonly attendees: readonly Attendee[]
  readonly agenda: readonly AgendaItem[]
  readonly notes: string
  readonly notesVisibility: Visibility
}

export interface MeetingRecord extends MeetingDoc {
  readonly id: string
  readonly workspaceId: string
  readonly organizationId: string
  readonly date: IsoDate
  readonly status: MeetingStatus
  readonly kind: string
  readonly archived: boolean
  readonly version: number
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly updatedAt: Timestamp
  readonly decisions: readonly DecisionRecord[]
}

export interface MeetingInput {
  readonly date: IsoDate
  readonly status: MeetingStatus
  readonly kind?: string
  readonly startTime?: string | null
  readonly timeZone?: string | null
  readonly attendees?: readonly Attendee[]
  readonly agenda?: readonly AgendaItem[]
  readonly notes?: string
  readonly notesVisibility?: Visibility
  readonly decisions?: readonly DecisionInput[]
  /** Only for an import of an archived meeting. */
  readonly archived?: boolean
}

export interface MeetingPatch {
  readonly date?: IsoDate
  readonly status?: MeetingStatus
  readonly kind?: string
  readonly startTime?: string | null
  readonly timeZone?: string | null
  readonly attendees?: readonly Attendee[]
  readonly agenda?: readonly AgendaItem[]
  readonly notes?: string
  readonly notesVisibility?: Visibility
  readonly archived?: boolean
  /** New decisions recorded in this meeting. */
  readonly decisions?: readonly DecisionInput[]
}

export interface MeetingListQuery extends PageRequest {
  readonly status?: MeetingStatus
  readonly includeArchived?: boolean
}

export interface MeetingStore {
  /** Throws NotFoundError when the organization or a linked initiative is not in the workspace. */
  create(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: MeetingInput,
  ): Promise<MeetingRecord>
  get(workspaceId: string, meetingId: string): Promise<MeetingRecord | null>
  /** Newest first. */
  list(
    workspaceId: string,
    organizationId: string,
    query?: MeetingListQuery,
  ): Promise<KeysetPage<MeetingRecord>>
  /** Every meeting of the organization with its decisions, oldest first, for the engine. */
  listAll(workspaceId: string, organizationId: string): Promise<readonly MeetingRecord[]>
  update(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    input: { readonly patch: MeetingPatch; readonly expectedVersion: number },
  ): Promise<MeetingRecord>
}

export interface DecisionStore {
  get(workspaceId: string, decisionId: string): Promise<DecisionRecord | null>
  update(
    actor: Actor,
    workspaceId: string,
    decisionId: string,
    input: { readonly patch: DecisionPatch; readonly expectedVersion: number },
  ): Promise<DecisionRecord>
}

export interface SeatStore {
  get(workspaceId: string, organizationId: string): Promise<SeatAssignments>
  /** Replaces the organization's assignments; ConflictError when `expectedVersion` is stale. */
  replace(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: { readonly assignments: readonly SeatAssignment[]; readonly expectedVersion?: number },
  ): Promise<SeatAssignments>
  /** Every assignment of the member, in every workspace (the caller filters by membership). */
  forMember(memberId: string): Promise<readonly MemberSeat[]>
}

export interface SignalAcknowledgement {
  readonly id: string
  readonly key: string
  readonly reason: string
  readonly until: IsoDate | null
  readonly by: string
  readonly at: Timestamp
}

export interface SignalAcknowledgementStore {
  add(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: { readonly key: string; readonly reason: string; readonly until: IsoDate | null },
  ): Promise<SignalAcknowledgement>
  /** Oldest first; a later acknowledgement of the same key supersedes an earlier one. */
  list(workspaceId: string, organizationId: string): Promise<readonly SignalAcknowledgement[]>
}

export type Audience = Visibility

export interface CalendarFeed {
  readonly id: string
  readonly audience: Audience
  readonly createdAt: Timestamp
  readonly revokedAt: Timestamp | null
}

export interface CalendarFeedStore {
  create(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: { readonly secretHash: string; readonly audience: Audience },
  ): Promise<CalendarFeed>
  list(workspaceId: string, organizationId: string): Promise<readonly CalendarFeed[]>
  /** Throws NotFoundError when the feed is not the organization's. Idempotent. */
  revoke(actor: Actor, workspaceId: string, organizationId: string, feedId: string): Promise<void>
  /** The live organization feed with this secret hash. */
  findByHash(
    secretHash: string,
  ): Promise<{ workspaceId: string; organizationId: string; audience: Audience } | null>
  createForMember(userId: string, input: { readonly secretHash: string }): Promise<CalendarFeed>
  listForMember(userId: string): Promise<readonly CalendarFeed[]>
  revokeForMember(userId: string, feedId: string): Promise<void>
  findMemberFeedByHash(secretHash: string): Promise<{ userId: string } | null>
}
