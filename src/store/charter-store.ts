import type { Selectable } from 'kysely'
import type { Charter } from '../engine/types.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import type { KeysetPage, PageRequest } from './keyset-page.js'
import { keysetPage } from './keyset-page.js'
import { assertUpdated, inWriteTransaction, writeAudit } from './context.js'
import type { Tables } from './schema.js'
import type { Actor, Timestamp } from './store.js'

export interface CharterRecord {
  readonly id: string
  readonly workspaceId: string
  readonly assessmentId: string
  readonly organizationId: string
  readonly version: number
  readonly charter: Charter
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface CharterVersion {
  readonly version: number
  readonly charter: Charter
  readonly createdAt: Timestamp
  readonly createdBy: string
}

export interface CharterStore {
  /** Throws NotFoundError when the assessment is not in the workspace. */
  create(
    actor: Actor,
    workspaceId: string,
    input: { assessmentId: string; charter: Charter },
  ): Promise<CharterRecord>
  get(workspaceId: string, charterId: string): Promise<CharterRecord | null>
  listForAssessment(workspaceId: string, assessmentId: string): Promise<readonly CharterRecord[]>
  update(
    actor: Actor,
    workspaceId: string,
    charterId: string,
    input: { charter: Charter; expectedVersion: number },
  ): Promise<CharterRecord>
  /** Oldest first. */
  versions(
    workspaceId: string,
    charterId: string,
    page?: PageRequest,
  ): Promise<KeysetPage<CharterVersion>>
}

/** Charters: created from an assessment, then edited; every edit is a new version. */
export function charterStore(ctx: StoreContext): CharterStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const assessment = await tx.db
          .selectFrom('assessments')
          .select(['id', 'organization_id'])
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', input.assessmentId)
          .executeTakeFirst()
        if (assessment === undefined) throw new NotFoundError('assessment', input.assessmentId)
        const row = await insertCharter(tx, workspaceId, assessment, [
          { charter: input.charter, createdAt: tx.now(), createdBy: actor.userId },
        ])
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'charter.create',
          target: `charter:${row.id}`,
          before: null,
          after: { assessmentId: input.assessmentId, version: 1, charter: input.charter },
        })
        return toCharterRecord(row)
      })
    },

    async get(workspaceId, charterId) {
      const row = await findRow(ctx, workspaceId, charterId)
      return row === undefined ? null : toCharterRecord(row)
    },

    async listForAssessment(workspaceId, assessmentId) {
      const rows = await ctx.db
        .selectFrom('charters')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('assessment_id', '=', assessmentId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toCharterRecord)
    },

    update(actor, workspaceId, charterId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const current = await findRow(tx, workspaceId, charterId)
        if (current === undefined) throw new NotFoundError('charter', charterId)
        const now = tx.now()
        const next = {
          ...current,
          version: current.version + 1,
          charter: JSON.stringify(input.charter),
          updated_at: now,
        }
        const result = await tx.db
          .updateTable('charters')
          .set({ version: next.version, charter: next.charter, updated_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', charterId)
          .where('version', '=', input.expectedVersion)
          .executeTakeFirst()
        assertUpdated(
          result.numUpdatedRows,
          'charter',
          charterId,
          input.expectedVersion,
          current.version,
        )
        await tx.db
          .insertInto('charter_versions')
          .values({
            workspace_id: workspaceId,
            charter_id: charterId,
            version: next.version,
            charter: next.charter,
            created_at: now,
            created_by: actor.userId,
          })
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'charter.update',
          target: `charter:${charterId}`,
          before: { version: current.version, charter: JSON.parse(current.charter) as unknown },
          after: { version: next.version, charter: input.charter },
        })
        return toCharterRecord(next)
      })
    },

    async versions(workspaceId, charterId, page = {}) {
      const query = ctx.db
        .selectFrom('charter_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('charter_id', '=', charterId)
      const result = await keysetPage(query, [['version', 'version']], 'asc', page, {
        fallback: 100,
        max: 500,
      })
      return { items: result.items.map(toCharterVersion), nextCursor: result.nextCursor }
    },
  }
}

/** Inserts a charter with its version history, without an audit row (callers write it). */
export async function insertCharter(
  ctx: StoreContext,
  workspaceId: string,
  assessment: { id: string; organization_id: string },
  history: readonly { charter: Charter; createdAt: string; createdBy: string }[],
): Promise<Selectable<Tables['charters']>> {
  const first = history[0]
  const last = history[history.length - 1]
  if (first === undefined || last === undefined) throw new Error('a charter needs a version')
  const row = {
    id: ctx.newId(),
    workspace_id: workspaceId,
    assessment_id: assessment.id,
    organization_id: assessment.organization_id,
    version: history.length,
    charter: JSON.stringify(last.charter),
    created_at: first.createdAt,
    updated_at: last.createdAt,
  }
  await ctx.db.insertInto('charters').values(row).execute()
  await ctx.db
    .insertInto('charter_versions')
    .values(
      history.map((entry, index) => ({
        workspace_id: workspaceId,
        charter_id: row.id,
        version: index + 1,
        charter: JSON.stringify(entry.charter),
        created_at: entry.createdAt,
        created_by: entry.createdBy,
      })),
    )
    .execute()
  return row
}

async function findRow(
  ctx: StoreContext,
  workspaceId: string,
  charterId: string,
): Promise<Selectable<Tables['charters']> | undefined> {
  return ctx.db
    .selectFrom('charters')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', charterId)
    .executeTakeFirst()
}

function toCharterRecord(row: Selectable<Tables['charters']>): CharterRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    assessmentId: row.assessment_id,
    organizationId: row.organization_id,
    version: row.version,
    charter: JSON.parse(row.charter) as Charter,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toCharterVersion(row: Selectable<Tables['charter_versions']>): CharterVersion {
  return {
    version: row.version,
    charter: JSON.parse(row.charter) as Charter,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}
