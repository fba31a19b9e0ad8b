import type { StoreContext } from './context.js'
import type {
  DecisionRecord,
  InitiativeDetail,
  MeetingRecord,
  SeatAssignment,
  SignalAcknowledgement,
  Stage,
} from './operations-records.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { insertInitiative, initiativeStore } from './initiative-store.js'
import { insertMeeting, meetingStore } from './meeting-store.js'
import { seatStore } from './seat-store.js'
import { signalAcknowledgementStore } from './signal-acknowledgement-store.js'

// The register and the meetings in a workspace export (`register`, `meetings`): per organization,
// its seats, initiatives with their whole history and acknowledged signals; its meetings with their
// decisions. Ids are the source workspace's; an import gives everything new ids and keeps the links.

export type ExportedInitiative = Omit<
  InitiativeDetail,
  'workspaceId' | 'organizationId' | 'version' | 'updatedAt' | 'stage' | 'stageSince'
>
export type ExportedMeeting = Omit<
  MeetingRecord,
  'workspaceId' | 'version' | 'updatedAt' | 'decisions'
> & {
  readonly decisions: readonly Omit<DecisionRecord, 'workspaceId'>[]
}

export interface ExportedRegister {
  readonly organizationId: string
  readonly seats: readonly SeatAssignment[]
  readonly initiatives: readonly ExportedInitiative[]
  readonly acknowledgements: readonly Omit<SignalAcknowledgement, 'id'>[]
}

/** The register and meetings of the organizations the export holds, one organization at a time. */
export async function* registerPages(
  ctx: StoreContext,
  workspaceId: string,
  organizationIds: Iterable<string>,
): AsyncIterable<readonly string[]> {
  for (const organizationId of organizationIds) {
    const [initiatives, seats, acknowledgements] = await Promise.all([
      initiativeStore(ctx).listDetailed(workspaceId, organizationId),
      seatStore(ctx).get(workspaceId, organizationId),
      signalAcknowledgementStore(ctx).list(workspaceId, organizationId),
    ])
    const register: ExportedRegister = {
      organizationId,
      seats: seats.assignments,
      initiatives: initiatives.map(
        ({
          workspaceId: _w,
          organizationId: _o,
          version: _v,
          updatedAt: _u,
          stage: _s,
          stageSince: _ss,
          ...rest
        }) => rest,
      ),
      acknowledgements: acknowledgements.map(({ id: _id, ...rest }) => rest),
    }
    yield [JSON.stringify(register)]
  }
}

export async function* meetingPages(
  ctx: StoreContext,
  workspaceId: string,
  organizationIds: Iterable<string>,
): AsyncIterable<readonly string[]> {
  for (const organizationId of organizationIds) {
    const meetings = await meetingStore(ctx).listAll(workspaceId, organizationId)
    yield meetings.map(({ workspaceId: _w, version: _v, updatedAt: _u, ...rest }) =>
      JSON.stringify({
        ...rest,
        decisions: rest.decisions.map(({ workspaceId: _dw, ...decision }) => decision),
      } satisfies ExportedMeeting),
    )
  }
}

/** Recreates the register and meetings under new ids; `organizations` maps the export's ids to new ones. */
export async function importOperations(
  tx: StoreContext,
  workspaceId: string,
  organizations: ReadonlyMap<string, string>,
  register: readonly ExportedRegister[],
  meetings: readonly ExportedMeeting[],
): Promise<{ initiatives: number; meetings: number }> {
  const initiativeIds = new Map<string, string>()
  let initiativeCount = 0
  for (const [index, entry] of register.entries()) {
    const organizationId = organizations.get(entry.organizationId)
    if (organizationId === undefined) {
      throw invalid(
        `register.${index}.organizationId`,
        `no organization "${entry.organizationId}" in the export`,
      )
    }
    if (entry.seats.length > 0) {
      await tx.db
        .insertInto('seat_assignments')
        .values(
          entry.seats.map((a, position) => ({
            workspace_id: workspaceId,
            organization_id: organizationId,
            id: tx.newId(),
            seat: a.seat,
            member_id: a.memberId,
            role: a.role,
            from_date: a.from,
            to_date: a.to,
            position,
          })),
        )
        .execute()
      await tx.db
        .insertInto('operation_settings')
        .values({
          workspace_id: workspaceId,
          organization_id: organizationId,
          seats_version: 1,
          updated_at: tx.now(),
        })
        .execute()
    }
    for (const ack of entry.acknowledgements) {
      await tx.db
        .insertInto('signal_acknowledgements')
        .values({
          workspace_id: workspaceId,
          organization_id: organizationId,
          id: tx.newId(),
          ...ack,
        })
        .execute()
    }
    for (const [position, initiative] of entry.initiatives.entries()) {
      if (initiative.history.length === 0) {
        throw invalid(
          `register.${index}.initiatives.${position}.history`,
          'expected at least one stage move',
        )
      }
      const { id, moveIds } = await insertInitiative(
        tx,
        { userId: initiative.createdBy },
        workspaceId,
        organizationId,
        {
          title: initiative.title,
          summary: initiative.summary,
          functions: initiative.functions,
          useCase: initiative.useCase,
          compliance: initiative.compliance,
          reviewBy: initiative.reviewBy,
          visibility: initiative.visibility,
          owner: initiative.owner,
          archived: initiative.archived,
        },
        initiative.history,
      )
      initiativeIds.set(initiative.id, id)
      initiativeCount++
      const child = { workspace_id: workspaceId, initiative_id: id }
      for (const r of initiative.reviews) {
        await tx.db
          .insertInto('lens_reviews')
          .values({
            ...child,
            id: tx.newId(),
            lens: r.lens,
            seat: r.seat,
            member_id: r.memberId,
            at: r.at,
            review: JSON.stringify(r.review),
          })
          .execute()
      }
      for (const m of initiative.measurements) {
        await tx.db
          .insertInto('measurements')
          .values({
            ...child,
            id: tx.newId(),
            at: m.at,
            value: m.value,
            note: m.note,
            visibility: m.visibility,
            created_at: m.createdAt,
            created_by: m.createdBy,
          })
          .execute()
      }
      for (const o of initiative.overrides) {
        const move = initiative.history.findIndex((h) => h.id === o.stageMoveId)
        await tx.db
          .insertInto('gate_overrides')
          .values({
            ...child,
            id: tx.newId(),
            stage_move_id: moveIds[move] ?? '',
            from_stage: o.from,
            to_stage: o.to,
            items: JSON.stringify(o.items),
            reason: o.reason,
            seat: o.seat,
            member_id: o.memberId,
            at: o.at,
          })
          .execute()
      }
      for (const a of initiative.acknowledgements) {
        await tx.db
          .insertInto('gate_acknowledgements')
          .values({
            ...child,
            id: tx.newId(),
            to_stage: a.to,
            items: JSON.stringify(a.items),
            note: a.note,
            seat: a.seat,
            member_id: a.memberId,
            at: a.at,
          })
          .execute()
      }
    }
  }
  const linked = (old: string, field: string): string => {
    const id = initiativeIds.get(old)
    if (id === undefined) throw invalid(field, `no initiative "${old}" in the export`)
    return id
  }
  for (const [index, meeting] of meetings.entries()) {
    const organizationId = organizations.get(meeting.organizationId)
    if (organizationId === undefined) {
      throw invalid(
        `meetings.${index}.organizationId`,
        `no organization "${meeting.organizationId}" in the export`,
      )
    }
    await insertMeeting(
      tx,
      { userId: meeting.createdBy },
      workspaceId,
      organizationId,
      {
        date: meeting.date,
        status: meeting.status,
        kind: meeting.kind,
        startTime: meeting.startTime,
        timeZone: meeting.timeZone,
        attendees: meeting.attendees,
        agenda: meeting.agenda,
        notes: meeting.notes,
        notesVisibility: meeting.notesVisibility,
        archived: meeting.archived,
        decisions: meeting.decisions.map((d, i) => ({
          text: d.text,
          owner: d.owner,
          due: d.due,
          status: d.status,
          closedAt: d.closedAt,
          initiatives: d.initiatives.map((old) =>
            linked(old, `meetings.${index}.decisions.${i}.initiatives`),
          ),
          stageMove: d.stageMove
            ? {
                ...d.stageMove,
                initiative: linked(
                  d.stageMove.initiative,
                  `meetings.${index}.decisions.${i}.stageMove`,
                ),
              }
            : null,
          visibility: d.visibility,
        })),
      },
      { createdAt: meeting.createdAt, updatedAt: meeting.createdAt },
    )
  }
  return { initiatives: initiativeCount, meetings: meetings.length }
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`invalid workspace export: ${field}: ${message}`, [
    { field, message },
  ])
}

export type { Stage }
