import { InvalidInputError } from '../errors/invalid-input-error.js'
import type { StoreContext } from './context.js'
import { fromJson, pageLimit } from './context.js'
import type { Timestamp } from './store.js'

export interface AuditRow {
  readonly id: string
  readonly at: Timestamp
  readonly actorId: string
  readonly workspaceId: string
  readonly action: string
  readonly target: string
  readonly before: unknown
  readonly after: unknown
}

export interface AuditStore {
  /** Newest first; `before` is an audit row id (exclusive) for paging. */
  list(
    workspaceId: string,
    query?: { limit?: number; before?: string },
  ): Promise<readonly AuditRow[]>
}

/** Reads the audit trail; rows are written by each change through `writeAudit`. */
export function auditStore(ctx: StoreContext): AuditStore {
  return {
    async list(workspaceId, query = {}) {
      let select = ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
      if (query.before !== undefined) {
        if (!/^[1-9][0-9]{0,17}$/.test(query.before)) {
          throw new InvalidInputError('invalid audit cursor', [
            { field: 'before', message: `expected an audit row id, got "${query.before}"` },
          ])
        }
        select = select.where('seq', '<', Number(query.before))
      }
      const rows = await select
        .orderBy('seq', 'desc')
        .limit(pageLimit(query.limit, 100, 500))
        .execute()
      return rows.map((row) => ({
        id: String(row.seq),
        at: row.at,
        actorId: row.actor_id,
        workspaceId: row.workspace_id,
        action: row.action,
        target: row.target,
        before: fromJson(row.before),
        after: fromJson(row.after),
      }))
    },
  }
}
