import { InvalidInputError } from '../errors/invalid-input-error.js'
import type { StoreContext } from './context.js'
import { fromJson, pageLimit } from './context.js'
import type { AuditStore } from './store.js'

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
