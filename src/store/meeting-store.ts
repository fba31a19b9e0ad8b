import type { Selectable } from 'kysely'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { assertUpdated, inWriteTransaction, writeAudit } from './context.js'
import { keysetPage } from './keyset-page.js'
import type {
  DecisionInput,
  DecisionRecord,
  DecisionStatus,
  DecisionStore,
  MeetingDoc,
  MeetingInput,
  MeetingRecord,
  MeetingStatus,
  MeetingStore,
  SeatRef,
  Visibility,
} from './operations-records.js'
import type { Tables } from './schema.js'
import type { Actor } from './store.js'

type MeetingRow = Selectable<Tables['meetings']>
type DecisionRow = Selectable<Tables['decisions']>

interface DecisionDoc {
  readonly closedAt?: string | null
  readonly initiatives: readonly string[]
  readonly stageMove: DecisionRecord['stageMove']
  readonly visibility: Visibility
}

/** Alignment meetings with their decisions; edits are versioned, nothing is deleted. */
export function meetingStore(ctx: StoreContext): MeetingStore {
  return {
    create(actor, workspaceId, organizationId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const organization = await tx.db
          .selectFrom('organizations')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', organizationId)
          .executeTakeFirst()
        if (organization === undefined) throw new NotFoundError('organization', organizationId)
        const id = await insertMeeting(tx, actor, workspaceId, organizationId, input)
        const meeting = await loadMeeting(tx, workspaceId, id)
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'meeting.create',
          target: `meeting:${id}`,
          before: null,
          after: { ...input, organizationId },
        })
        return meeting
      })
    },

    async get(workspaceId, meetingId) {
      const row = await findMeeting(ctx, workspaceId, meetingId)
      if (row === undefined) return null
      return toMeeting(row, await decisionsOf(ctx, workspaceId, [row.id]))
    },

    async list(workspaceId, organizationId, query = {}) {
      let select = ctx.db
        .selectFrom('meetings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
      if (query.status !== undefined) select = select.where('status', '=', query.status)
      if (query.includeArchived !== true) select = select.where('archived', '=', 0)
      const page = await keysetPage(
        select,
        [
          ['date', 'date'],
          ['id', 'id'],
        ],
        'desc',
        query,
      )
      const decisions = await decisionsOf(
        ctx,
        workspaceId,
        page.items.map((row) => row.id),
      )
      return {
        items: page.items.map((row) => toMeeting(row, decisions)),
        nextCursor: page.nextCursor,
      }
    },

    async listAll(workspaceId, organizationId) {
      const rows = await ctx.db
        .selectFrom('meetings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('date')
        .orderBy('id')
        .execute()
      const decisions = await ctx.db
        .selectFrom('decisions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('meeting_id')
        .orderBy('position')
        .execute()
      const byMeeting = groupDecisions(decisions)
      return rows.map((row) => toMeeting(row, byMeeting))
    },

    update(actor, workspaceId, meetingId, { patch, expectedVersion }) {
      return inWriteTransaction(ctx, async (tx) => {
        const row = await findMeeting(tx, workspaceId, meetingId)
        if (row === undefined) throw new NotFoundError('meeting', meetingId)
        const doc = JSON.parse(row.doc) as MeetingDoc
        const next: MeetingDoc = {
          startTime: patch.startTime === undefined ? doc.startTime : patch.startTime,
          timeZone: patch.timeZone === undefined ? doc.timeZone : patch.timeZone,
          attendees: patch.attendees ?? doc.attendees,
          agenda: patch.agenda ?? doc.agenda,
          notes: patch.notes ?? doc.notes,
          notesVisibility: patch.notesVisibility ?? doc.notesVisibility,
        }
        const result = await tx.db
          .updateTable('meetings')
          .set({
            date: patch.date ?? row.date,
            status: patch.status ?? row.status,
            kind: patch.kind ?? row.kind,
            archived: patch.archived === undefined ? row.archived : patch.archived ? 1 : 0,
            doc: JSON.stringify(next),
            version: row.version + 1,
            updated_at: tx.now(),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', meetingId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
        assertUpdated(result.numUpdatedRows, 'meeting', meetingId, expectedVersion, row.version)
        if (patch.decisions !== undefined && patch.decisions.length > 0) {
          await insertDecisions(tx, actor, workspaceId, row, patch.decisions)
        }
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'meeting.update',
          target: `meeting:${meetingId}`,
          before: { version: row.version },
          after: patch,
        })
        return loadMeeting(tx, workspaceId, meetingId)
      })
    },
  }
}

/** Decisions, edited one by one once recorded in a meeting. */
export function decisionStore(ctx: StoreContext): DecisionStore {
  return {
    async get(workspaceId, decisionId) {
      const row = await findDecision(ctx, workspaceId, decisionId)
      return row === undefined ? null : toDecision(row)
    },

    update(actor, workspaceId, decisionId, { patch, expectedVersion }) {
      return inWriteTransaction(ctx, async (tx) => {
        const row = await findDecision(tx, workspaceId, decisionId)
        if (row === undefined) throw new NotFoundError('decision', decisionId)
        if (patch.initiatives !== undefined) {
          await assertInitiatives(tx, workspaceId, row.organization_id, patch.initiatives)
        }
        const doc = JSON.parse(row.doc) as DecisionDoc
        const owner = patch.owner === undefined ? ownerOf(row) : patch.owner
        const status = patch.status ?? (row.status as DecisionStatus)
        const closedAt =
          status === row.status
            ? (doc.closedAt ?? null)
            : status === 'open'
              ? null
              : tx.now().slice(0, 10)
        const next: DecisionDoc = {
          closedAt,
          initiatives: patch.initiatives ?? doc.initiatives,
          stageMove: doc.stageMove,
          visibility: patch.visibility ?? doc.visibility,
        }
        const result = await tx.db
          .updateTable('decisions')
          .set({
            text: patch.text ?? row.text,
            owner_seat: owner?.seat ?? null,
            owner_member_id: owner?.memberId ?? null,
            due: patch.due === undefined ? row.due : patch.due,
            status,
            archived: patch.archived === undefined ? row.archived : patch.archived ? 1 : 0,
            doc: JSON.stringify(next),
            version: row.version + 1,
            updated_at: tx.now(),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', decisionId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
        assertUpdated(result.numUpdatedRows, 'decision', decisionId, expectedVersion, row.version)
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'decision.update',
          target: `decision:${decisionId}`,
          before: toDecision(row),
          after: patch,
        })
        const saved = await findDecision(tx, workspaceId, decisionId)
        if (saved === undefined) throw new NotFoundError('decision', decisionId)
        return toDecision(saved)
      })
    },
  }
}

/** Inserts a meeting with its decisions, without an audit row (callers write it). */
export async function insertMeeting(
  ctx: StoreContext,
  actor: Actor,
  workspaceId: string,
  organizationId: string,
  input: MeetingInput,
  times?: { readonly createdAt: string; readonly updatedAt: string },
): Promise<string> {
  const id = ctx.newId()
  const now = ctx.now()
  const doc: MeetingDoc = {
    startTime: input.startTime ?? null,
    timeZone: input.timeZone ?? null,
    attendees: input.attendees ?? [],
    agenda: input.agenda ?? [],
    notes: input.notes ?? '',
    notesVisibility: input.notesVisibility ?? 'client',
  }
  const row: MeetingRow = {
    workspace_id: workspaceId,
    organization_id: organizationId,
    id,
    date: input.date,
    status: input.status,
    kind: input.kind ?? 'alignment',
    archived: input.archived === true ? 1 : 0,
    doc: JSON.stringify(doc),
    version: 1,
    created_at: times?.createdAt ?? now,
    created_by: actor.userId,
    updated_at: times?.updatedAt ?? now,
  }
  await ctx.db.insertInto('meetings').values(row).execute()
  if (input.decisions !== undefined && input.decisions.length > 0) {
    await insertDecisions(ctx, actor, workspaceId, row, input.decisions)
  }
  return id
}

async function insertDecisions(
  ctx: StoreContext,
  actor: Actor,
  workspaceId: string,
  meeting: MeetingRow,
  decisions: readonly DecisionInput[],
): Promise<void> {
  const linked = decisions.flatMap((d) => [
    ...(d.initiatives ?? []),
    ...(d.stageMove ? [d.stageMove.initiative] : []),
  ])
  await assertInitiatives(ctx, workspaceId, meeting.organization_id, linked)
  const last = await ctx.db
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('workspace_id', '=', workspaceId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst()
  const first = Number(last?.position ?? 0) + 1
  const now = ctx.now()
  await ctx.db
    .insertInto('decisions')
    .values(
      decisions.map((decision, index) => {
        const status = decision.status ?? 'open'
        const doc: DecisionDoc = {
          closedAt: status === 'open' ? null : (decision.closedAt ?? meeting.date),
          initiatives: decision.initiatives ?? [],
          stageMove: decision.stageMove ?? null,
          visibility: decision.visibility ?? 'client',
        }
        return {
          workspace_id: workspaceId,
          meeting_id: meeting.id,
          id: ctx.newId(),
          organization_id: meeting.organization_id,
          position: first + index,
          text: decision.text,
          owner_seat: decision.owner?.seat ?? null,
          owner_member_id: decision.owner?.memberId ?? null,
          due: decision.due ?? null,
          status,
          archived: 0,
          doc: JSON.stringify(doc),
          version: 1,
          created_at: now,
          created_by: actor.userId,
          updated_at: now,
        }
      }),
    )
    .execute()
}

/** Linked initiatives must be the organization's: NotFoundError names the first that is not. */
async function assertInitiatives(
  ctx: StoreContext,
  workspaceId: string,
  organizationId: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const found = await ctx.db
    .selectFrom('initiatives')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('organization_id', '=', organizationId)
    .where('id', 'in', unique)
    .execute()
  const known = new Set(found.map((row) => row.id))
  const missing = unique.find((id) => !known.has(id))
  if (missing !== undefined) throw new NotFoundError('initiative', missing)
}

function findMeeting(ctx: StoreContext, workspaceId: string, meetingId: string) {
  return ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', meetingId)
    .executeTakeFirst()
}

function findDecision(ctx: StoreContext, workspaceId: string, decisionId: string) {
  return ctx.db
    .selectFrom('decisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', decisionId)
    .executeTakeFirst()
}

async function loadMeeting(
  ctx: StoreContext,
  workspaceId: string,
  meetingId: string,
): Promise<MeetingRecord> {
  const row = await findMeeting(ctx, workspaceId, meetingId)
  if (row === undefined) throw new NotFoundError('meeting', meetingId)
  return toMeeting(row, await decisionsOf(ctx, workspaceId, [row.id]))
}

async function decisionsOf(
  ctx: StoreContext,
  workspaceId: string,
  meetingIds: readonly string[],
): Promise<Map<string, DecisionRecord[]>> {
  if (meetingIds.length === 0) return new Map()
  const rows = await ctx.db
    .selectFrom('decisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_id')
    .orderBy('position')
    .execute()
  return groupDecisions(rows)
}

function groupDecisions(rows: readonly DecisionRow[]): Map<string, DecisionRecord[]> {
  const byMeeting = new Map<string, DecisionRecord[]>()
  for (const row of rows) {
    const list = byMeeting.get(row.meeting_id)
    if (list) list.push(toDecision(row))
    else byMeeting.set(row.meeting_id, [toDecision(row)])
  }
  return byMeeting
}

function ownerOf(row: DecisionRow): SeatRef | null {
  return row.owner_seat === null ? null : { seat: row.owner_seat, memberId: row.owner_member_id }
}

export function toDecision(row: DecisionRow): DecisionRecord {
  const doc = JSON.parse(row.doc) as DecisionDoc
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    organizationId: row.organization_id,
    meetingId: row.meeting_id,
    text: row.text,
    owner: ownerOf(row),
    due: row.due,
    status: row.status as DecisionStatus,
    closedAt: doc.closedAt ?? null,
    initiatives: doc.initiatives,
    stageMove: doc.stageMove,
    visibility: doc.visibility,
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  }
}

function toMeeting(row: MeetingRow, decisions: Map<string, DecisionRecord[]>): MeetingRecord {
  const doc = JSON.parse(row.doc) as MeetingDoc
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    organizationId: row.organization_id,
    date: row.date,
    status: row.status as MeetingStatus,
    kind: row.kind,
    ...doc,
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    decisions: decisions.get(row.id) ?? [],
  }
}
