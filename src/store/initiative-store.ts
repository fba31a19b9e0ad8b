import type { Selectable } from 'kysely'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { assertUpdated, inWriteTransaction, writeAudit } from './context.js'
import { keysetPage } from './keyset-page.js'
import type {
  GateAcknowledgement,
  GateOverride,
  InitiativeDetail,
  InitiativeDoc,
  InitiativeInput,
  InitiativeRecord,
  InitiativeStore,
  Lens,
  LensReview,
  Measurement,
  MoveKind,
  SeatRef,
  SkippedItem,
  Stage,
  StageMove,
  Visibility,
} from './operations-records.js'
import type { Tables } from './schema.js'
import type { Actor } from './store.js'

type Row = Selectable<Tables['initiatives']>

/**
 * The initiative register. Every change bumps the initiative's version (a move checked against a
 * gate must not land on a record that changed since it was read) and writes one audit row in its
 * transaction. Stage moves, reviews, measurements, overrides and acknowledgements are appended,
 * never changed.
 */
export function initiativeStore(ctx: StoreContext): InitiativeStore {
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
        const { id } = await insertInitiative(tx, actor, workspaceId, organizationId, input, [])
        const detail = await loadDetail(tx, workspaceId, id)
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'initiative.create',
          target: `initiative:${id}`,
          before: null,
          after: auditView(detail),
        })
        return detail
      })
    },

    get(workspaceId, initiativeId) {
      return findDetail(ctx, workspaceId, initiativeId)
    },

    async list(workspaceId, organizationId, query = {}) {
      let select = ctx.db
        .selectFrom('initiatives')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
      if (query.stage !== undefined) select = select.where('stage', '=', query.stage)
      if (query.ownerSeat !== undefined) select = select.where('owner_seat', '=', query.ownerSeat)
      if (query.includeArchived !== true) select = select.where('archived', '=', 0)
      const page = await keysetPage(
        select,
        [
          ['created_at', 'created_at'],
          ['id', 'id'],
        ],
        'asc',
        query,
      )
      return { items: page.items.map(toRecord), nextCursor: page.nextCursor }
    },

    async listDetailed(workspaceId, organizationId) {
      const rows = await ctx.db
        .selectFrom('initiatives')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      const children = await loadChildren(
        ctx,
        workspaceId,
        rows.map((row) => row.id),
      )
      return rows.map((row) => withChildren(row, children))
    },

    update(actor, workspaceId, initiativeId, { patch, expectedVersion }) {
      return change(ctx, actor, workspaceId, initiativeId, expectedVersion, 'update', (row) => {
        const doc = docOf(row)
        const nextDoc: InitiativeDoc = {
          summary: patch.summary ?? doc.summary,
          functions: patch.functions ?? doc.functions,
          useCase: patch.useCase === undefined ? doc.useCase : patch.useCase,
          compliance: patch.compliance === undefined ? doc.compliance : patch.compliance,
          reviewBy: patch.reviewBy === undefined ? doc.reviewBy : patch.reviewBy,
          visibility: patch.visibility ?? doc.visibility,
        }
        const owner = patch.owner === undefined ? ownerOf(row) : patch.owner
        return {
          set: {
            title: patch.title ?? row.title,
            owner_seat: owner?.seat ?? null,
            owner_member_id: owner?.memberId ?? null,
            archived: patch.archived === undefined ? row.archived : patch.archived ? 1 : 0,
            doc: JSON.stringify(nextDoc),
          },
          after: patch,
        }
      })
    },

    addReview(actor, workspaceId, initiativeId, input) {
      return change(ctx, actor, workspaceId, initiativeId, null, 'review', async (row, tx) => {
        await tx.db
          .insertInto('lens_reviews')
          .values({
            workspace_id: workspaceId,
            initiative_id: row.id,
            id: tx.newId(),
            lens: input.lens,
            seat: input.by.seat,
            member_id: input.by.memberId,
            at: tx.now(),
            review: JSON.stringify(input.review),
          })
          .execute()
        return { set: {}, after: { lens: input.lens, by: input.by, review: input.review } }
      })
    },

    move(actor, workspaceId, initiativeId, input) {
      return change(
        ctx,
        actor,
        workspaceId,
        initiativeId,
        input.expectedVersion,
        'move',
        async (row, tx) => {
          const skipped = input.skipped ?? []
          const kind: MoveKind = skipped.length > 0 ? 'forced' : 'moved'
          const moveId = await appendMove(tx, actor, workspaceId, row.id, {
            from: row.stage as Stage,
            to: input.to,
            kind,
            reason: input.reason,
            by: input.by,
            skipped,
          })
          if (kind === 'forced') {
            await tx.db
              .insertInto('gate_overrides')
              .values({
                workspace_id: workspaceId,
                initiative_id: row.id,
                id: tx.newId(),
                stage_move_id: moveId,
                from_stage: row.stage,
                to_stage: input.to,
                items: JSON.stringify(skipped),
                reason: input.reason ?? '',
                seat: input.by?.seat ?? '',
                member_id: input.by?.memberId ?? actor.userId,
                at: tx.now(),
              })
              .execute()
          }
          return {
            set: { stage: input.to, stage_since: tx.now() },
            before: { stage: row.stage },
            after: { stage: input.to, kind, reason: input.reason, by: input.by, skipped },
          }
        },
      )
    },

    addMeasurement(actor, workspaceId, initiativeId, input) {
      return change(ctx, actor, workspaceId, initiativeId, null, 'measure', async (row, tx) => {
        const visibility: Visibility = input.visibility ?? 'client'
        await tx.db
          .insertInto('measurements')
          .values({
            workspace_id: workspaceId,
            initiative_id: row.id,
            id: tx.newId(),
            at: input.at,
            value: input.value,
            note: input.note ?? null,
            visibility,
            created_at: tx.now(),
            created_by: actor.userId,
          })
          .execute()
        return { set: {}, after: { ...input, visibility } }
      })
    },

    acknowledgeGate(actor, workspaceId, initiativeId, input) {
      return change(ctx, actor, workspaceId, initiativeId, null, 'acknowledge', async (row, tx) => {
        await tx.db
          .insertInto('gate_acknowledgements')
          .values({
            workspace_id: workspaceId,
            initiative_id: row.id,
            id: tx.newId(),
            to_stage: input.to,
            items: JSON.stringify(input.items),
            note: input.note ?? null,
            seat: input.by.seat,
            member_id: input.by.memberId,
            at: tx.now(),
          })
          .execute()
        return { set: {}, after: input }
      })
    },
  }
}

interface ChangeResult {
  readonly set: Partial<Row>
  readonly before?: unknown
  readonly after: unknown
}

/** Reads, applies `apply` and bumps the version in one transaction, with its audit row. */
function change(
  ctx: StoreContext,
  actor: Actor,
  workspaceId: string,
  initiativeId: string,
  expectedVersion: number | null,
  action: string,
  apply: (row: Row, tx: StoreContext) => ChangeResult | Promise<ChangeResult>,
): Promise<InitiativeDetail> {
  return inWriteTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('initiatives')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', initiativeId)
      .executeTakeFirst()
    if (row === undefined) throw new NotFoundError('initiative', initiativeId)
    const version = expectedVersion ?? row.version
    const result = await apply(row, tx)
    const updated = await tx.db
      .updateTable('initiatives')
      .set({ ...result.set, version: row.version + 1, updated_at: tx.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', initiativeId)
      .where('version', '=', version)
      .executeTakeFirst()
    assertUpdated(updated.numUpdatedRows, 'initiative', initiativeId, version, row.version)
    await writeAudit(tx, {
      actor,
      workspaceId,
      action: `initiative.${action}`,
      target: `initiative:${initiativeId}`,
      before: result.before ?? { version: row.version },
      after: result.after,
    })
    return loadDetail(tx, workspaceId, initiativeId)
  })
}

/**
 * Inserts an initiative and its first stage move, without an audit row (callers write it). An
 * initiative created at a later stage than `idea` is recorded as imported.
 */
export async function insertInitiative(
  ctx: StoreContext,
  actor: Actor,
  workspaceId: string,
  organizationId: string,
  input: InitiativeInput & {
    readonly stage?: Stage
    readonly by?: SeatRef | null
    readonly archived?: boolean
  },
  history: readonly StageMove[],
): Promise<{ id: string; moveIds: readonly string[] }> {
  const id = ctx.newId()
  const now = ctx.now()
  const stage = input.stage ?? 'idea'
  const doc: InitiativeDoc = {
    summary: input.summary ?? '',
    functions: input.functions ?? [],
    useCase: input.useCase ?? null,
    compliance: input.compliance ?? null,
    reviewBy: input.reviewBy ?? null,
    visibility: input.visibility ?? 'client',
  }
  const last = history[history.length - 1]
  await ctx.db
    .insertInto('initiatives')
    .values({
      workspace_id: workspaceId,
      organization_id: organizationId,
      id,
      title: input.title,
      stage: last?.to ?? stage,
      stage_since: last?.at ?? now,
      owner_seat: input.owner?.seat ?? null,
      owner_member_id: input.owner?.memberId ?? null,
      archived: input.archived === true ? 1 : 0,
      doc: JSON.stringify(doc),
      version: 1,
      created_at: history[0]?.at ?? now,
      created_by: actor.userId,
      updated_at: last?.at ?? now,
    })
    .execute()
  if (history.length > 0) {
    const moveIds = history.map(() => ctx.newId())
    await ctx.db
      .insertInto('stage_moves')
      .values(
        history.map((move, index) => ({
          workspace_id: workspaceId,
          initiative_id: id,
          id: moveIds[index] ?? ctx.newId(),
          seq: index + 1,
          at: move.at,
          from_stage: move.from,
          to_stage: move.to,
          kind: move.kind,
          reason: move.reason,
          actor_id: move.by,
          seat: move.seat,
          member_id: move.memberId,
          skipped: JSON.stringify(move.skipped),
        })),
      )
      .execute()
    return { id, moveIds }
  }
  const moveId = await appendMove(ctx, actor, workspaceId, id, {
    from: null,
    to: stage,
    kind: stage === 'idea' ? 'created' : 'imported',
    reason: null,
    by: input.by ?? null,
    skipped: [],
  })
  return { id, moveIds: [moveId] }
}

async function appendMove(
  ctx: StoreContext,
  actor: Actor,
  workspaceId: string,
  initiativeId: string,
  move: {
    from: Stage | null
    to: Stage
    kind: MoveKind
    reason: string | null
    by: SeatRef | null
    skipped: readonly SkippedItem[]
  },
): Promise<string> {
  const last = await ctx.db
    .selectFrom('stage_moves')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('workspace_id', '=', workspaceId)
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst()
  const id = ctx.newId()
  await ctx.db
    .insertInto('stage_moves')
    .values({
      workspace_id: workspaceId,
      initiative_id: initiativeId,
      id,
      seq: Number(last?.seq ?? 0) + 1,
      at: ctx.now(),
      from_stage: move.from,
      to_stage: move.to,
      kind: move.kind,
      reason: move.reason,
      actor_id: actor.userId,
      seat: move.by?.seat ?? null,
      member_id: move.by?.memberId ?? null,
      skipped: JSON.stringify(move.skipped),
    })
    .execute()
  return id
}

async function findDetail(
  ctx: StoreContext,
  workspaceId: string,
  initiativeId: string,
): Promise<InitiativeDetail | null> {
  const row = await ctx.db
    .selectFrom('initiatives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', initiativeId)
    .executeTakeFirst()
  if (row === undefined) return null
  return withChildren(row, await loadChildren(ctx, workspaceId, [row.id]))
}

async function loadDetail(
  ctx: StoreContext,
  workspaceId: string,
  initiativeId: string,
): Promise<InitiativeDetail> {
  const detail = await findDetail(ctx, workspaceId, initiativeId)
  if (detail === null) throw new NotFoundError('initiative', initiativeId)
  return detail
}

interface Children {
  readonly moves: Map<string, StageMove[]>
  readonly reviews: Map<string, LensReview[]>
  readonly measurements: Map<string, Measurement[]>
  readonly overrides: Map<string, GateOverride[]>
  readonly acknowledgements: Map<string, GateAcknowledgement[]>
}

/** The children of some initiatives, one query per table and chunk of ids. */
async function loadChildren(
  ctx: StoreContext,
  workspaceId: string,
  ids: readonly string[],
): Promise<Children> {
  const children: Children = {
    moves: new Map(),
    reviews: new Map(),
    measurements: new Map(),
    overrides: new Map(),
    acknowledgements: new Map(),
  }
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const chunk = ids.slice(start, start + ID_CHUNK)
    const db = ctx.db
    const [moves, reviews, measurements, overrides, acknowledgements] = await Promise.all([
      db
        .selectFrom('stage_moves')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('initiative_id', 'in', chunk)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('lens_reviews')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('initiative_id', 'in', chunk)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('measurements')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('initiative_id', 'in', chunk)
        .orderBy('at')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('gate_overrides')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('initiative_id', 'in', chunk)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('gate_acknowledgements')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('initiative_id', 'in', chunk)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ])
    group(children.moves, moves, toMove)
    group(children.reviews, reviews, toReview)
    group(children.measurements, measurements, toMeasurement)
    group(children.overrides, overrides, toOverride)
    group(children.acknowledgements, acknowledgements, toAcknowledgement)
  }
  return children
}

/** Ids per `in (...)` list: well under the bound-parameter limits of both databases. */
const ID_CHUNK = 500

function group<R extends { initiative_id: string }, T>(
  into: Map<string, T[]>,
  rows: readonly R[],
  map: (row: R) => T,
): void {
  for (const row of rows) {
    const list = into.get(row.initiative_id)
    if (list) list.push(map(row))
    else into.set(row.initiative_id, [map(row)])
  }
}

function withChildren(row: Row, children: Children): InitiativeDetail {
  const acknowledgements = children.acknowledgements.get(row.id) ?? []
  return {
    ...toRecord(row),
    history: withAcknowledgements(children.moves.get(row.id) ?? [], acknowledgements),
    reviews: children.reviews.get(row.id) ?? [],
    measurements: children.measurements.get(row.id) ?? [],
    overrides: children.overrides.get(row.id) ?? [],
    acknowledgements: children.acknowledgements.get(row.id) ?? [],
  }
}

/**
 * A forced move was acknowledged by the acknowledgements of its target stage recorded after the
 * move before it and up to the move itself.
 */
function withAcknowledgements(
  moves: readonly StageMove[],
  acknowledgements: readonly GateAcknowledgement[],
): StageMove[] {
  return moves.map((move, index) => {
    if (move.kind !== 'forced') return move
    const since = moves[index - 1]?.at ?? ''
    const seats = acknowledgements
      .filter((a) => a.to === move.to && a.at >= since && a.at <= move.at)
      .map((a) => ({ seat: a.seat, memberId: a.memberId }))
    return { ...move, acknowledgedBy: seats }
  })
}

function docOf(row: Row): InitiativeDoc {
  return JSON.parse(row.doc) as InitiativeDoc
}

function ownerOf(row: Row): SeatRef | null {
  return row.owner_seat === null ? null : { seat: row.owner_seat, memberId: row.owner_member_id }
}

export function toRecord(row: Row): InitiativeRecord {
  const doc = docOf(row)
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    organizationId: row.organization_id,
    title: row.title,
    summary: doc.summary,
    functions: doc.functions,
    useCase: doc.useCase,
    compliance: doc.compliance,
    reviewBy: doc.reviewBy,
    visibility: doc.visibility,
    stage: row.stage as Stage,
    stageSince: row.stage_since,
    owner: ownerOf(row),
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  }
}

function toMove(row: Selectable<Tables['stage_moves']>): StageMove {
  return {
    id: row.id,
    at: row.at,
    from: row.from_stage as Stage | null,
    to: row.to_stage as Stage,
    kind: row.kind as MoveKind,
    reason: row.reason,
    by: row.actor_id,
    seat: row.seat,
    memberId: row.member_id,
    skipped: JSON.parse(row.skipped) as SkippedItem[],
    acknowledgedBy: [],
  }
}

function toReview(row: Selectable<Tables['lens_reviews']>): LensReview {
  return {
    id: row.id,
    lens: row.lens as Lens,
    seat: row.seat,
    memberId: row.member_id,
    at: row.at,
    review: JSON.parse(row.review) as Record<string, unknown>,
  }
}

function toMeasurement(row: Selectable<Tables['measurements']>): Measurement {
  return {
    id: row.id,
    at: row.at,
    value: Number(row.value),
    note: row.note,
    visibility: row.visibility as Visibility,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}

function toOverride(row: Selectable<Tables['gate_overrides']>): GateOverride {
  return {
    id: row.id,
    stageMoveId: row.stage_move_id,
    from: row.from_stage as Stage,
    to: row.to_stage as Stage,
    items: JSON.parse(row.items) as SkippedItem[],
    reason: row.reason,
    seat: row.seat,
    memberId: row.member_id,
    at: row.at,
  }
}

function toAcknowledgement(row: Selectable<Tables['gate_acknowledgements']>): GateAcknowledgement {
  return {
    id: row.id,
    to: row.to_stage as Stage,
    items: JSON.parse(row.items) as string[],
    note: row.note,
    seat: row.seat,
    memberId: row.member_id,
    at: row.at,
  }
}

/** What the audit row keeps of a new initiative. */
function auditView(detail: InitiativeDetail): unknown {
  return {
    organizationId: detail.organizationId,
    title: detail.title,
    stage: detail.stage,
    owner: detail.owner,
  }
}
