import type { Selectable } from 'kysely'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { assertUpdated, inWriteTransaction, writeAudit } from './context.js'
import type { Tables } from './schema.js'
import { exportWorkspace, importWorkspace, streamWorkspaceExport } from './workspace-export.js'
import type { Role } from '../contract/roles.js'
import type { Actor, Timestamp } from './store.js'
import type { WorkspaceExport } from './workspace-export-format.js'

export interface Workspace {
  readonly id: string
  readonly name: string
  readonly version: number
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface WorkspaceWithRole extends Workspace {
  readonly role: Role
}

export interface WorkspaceStore {
  /** Creates the workspace with the actor as owner. */
  create(actor: Actor, input: { name: string }): Promise<Workspace>
  get(workspaceId: string): Promise<Workspace | null>
  listForUser(userId: string): Promise<readonly WorkspaceWithRole[]>
  rename(
    actor: Actor,
    workspaceId: string,
    input: { name: string; expectedVersion: number },
  ): Promise<Workspace>
  /** The whole export as one value; for small workspaces and tests (see exportStream). */
  export(workspaceId: string): Promise<WorkspaceExport>
  /**
   * The export as JSON text in chunks, read a page at a time (bounded memory, other requests served
   * meanwhile). NotFoundError, before the first chunk, when the workspace does not exist.
   */
  exportStream(workspaceId: string): AsyncGenerator<string>
  /** Recreates an export as a new workspace owned by the actor, with new ids throughout. */
  import(actor: Actor, data: WorkspaceExport): Promise<Workspace>
}

export function workspaceStore(ctx: StoreContext): WorkspaceStore {
  return {
    create(actor, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const row = {
          id: tx.newId(),
          name: input.name,
          version: 1,
          created_at: now,
          updated_at: now,
        }
        await tx.db.insertInto('workspaces').values(row).execute()
        await tx.db
          .insertInto('memberships')
          .values({ workspace_id: row.id, user_id: actor.userId, role: 'owner', created_at: now })
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId: row.id,
          action: 'workspace.create',
          target: `workspace:${row.id}`,
          before: null,
          after: { name: row.name },
        })
        return toWorkspace(row)
      })
    },

    async get(workspaceId) {
      const row = await ctx.db
        .selectFrom('workspaces')
        .selectAll()
        .where('id', '=', workspaceId)
        .executeTakeFirst()
      return row === undefined ? null : toWorkspace(row)
    },

    async listForUser(userId) {
      const rows = await ctx.db
        .selectFrom('workspaces')
        .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .selectAll('workspaces')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.name')
        .orderBy('workspaces.id')
        .execute()
      return rows.map((row) => ({ ...toWorkspace(row), role: row.role as Role }))
    },

    rename(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const current = await tx.db
          .selectFrom('workspaces')
          .selectAll()
          .where('id', '=', workspaceId)
          .executeTakeFirst()
        if (current === undefined) throw new NotFoundError('workspace', workspaceId)
        const updated = {
          ...current,
          name: input.name,
          version: current.version + 1,
          updated_at: tx.now(),
        }
        const result = await tx.db
          .updateTable('workspaces')
          .set({ name: updated.name, version: updated.version, updated_at: updated.updated_at })
          .where('id', '=', workspaceId)
          .where('version', '=', input.expectedVersion)
          .executeTakeFirst()
        assertUpdated(
          result.numUpdatedRows,
          'workspace',
          workspaceId,
          input.expectedVersion,
          current.version,
        )
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'workspace.rename',
          target: `workspace:${workspaceId}`,
          before: { name: current.name, version: current.version },
          after: { name: updated.name, version: updated.version },
        })
        return toWorkspace(updated)
      })
    },

    async export(workspaceId) {
      return exportWorkspace(ctx, workspaceId)
    },

    exportStream(workspaceId) {
      return streamWorkspaceExport(ctx, workspaceId)
    },

    import(actor, data) {
      return inWriteTransaction(ctx, (tx) => importWorkspace(tx, actor, data))
    },
  }
}

export function toWorkspace(row: Selectable<Tables['workspaces']>): Workspace {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
