import type { StoreContext } from './context.js'
import { fromJson, pageLimit, toJson } from './context.js'
import type { Timestamp } from './store.js'

export interface SecurityEvent {
  readonly id: string
  readonly at: Timestamp
  /** e.g. `login.failed`, `login.throttled`, `access.denied`, `password.changed`. */
  readonly kind: string
  readonly userId: string | null
  readonly email: string | null
  readonly ip: string | null
  readonly workspaceId: string | null
  readonly detail: unknown
}

export interface SecurityLogStore {
  append(event: Omit<SecurityEvent, 'id' | 'at'>): Promise<SecurityEvent>
  list(query?: { limit?: number; kind?: string }): Promise<readonly SecurityEvent[]>
}

/** Failed logins and denied attempts (reliability.md §F); append-only like the audit log. */
export function securityLogStore(ctx: StoreContext): SecurityLogStore {
  return {
    async append(event) {
      const row: SecurityEvent = { id: ctx.newId(), at: ctx.now(), ...event }
      await ctx.db
        .insertInto('security_log')
        .values({
          id: row.id,
          at: row.at,
          kind: row.kind,
          user_id: row.userId,
          email: row.email,
          ip: row.ip,
          workspace_id: row.workspaceId,
          detail: toJson(row.detail),
        })
        .execute()
      return row
    },

    async list(query = {}) {
      let select = ctx.db.selectFrom('security_log').selectAll()
      if (query.kind !== undefined) select = select.where('kind', '=', query.kind)
      const rows = await select
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageLimit(query.limit, 100, 1000))
        .execute()
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        kind: row.kind,
        userId: row.user_id,
        email: row.email,
        ip: row.ip,
        workspaceId: row.workspace_id,
        detail: fromJson(row.detail),
      }))
    },
  }
}
