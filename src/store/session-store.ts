import type { Selectable } from 'kysely'
import type { StoreContext } from './context.js'
import type { Tables } from './schema.js'
import { toUser } from './user-store.js'
import type { Timestamp } from './store.js'
import type { User } from './user-store.js'

export interface Session {
  /** What the server stores for the cookie: a hash of the random cookie value, never the value. */
  readonly id: string
  readonly userId: string
  readonly createdAt: Timestamp
  readonly lastSeenAt: Timestamp
  /** Absolute expiry; the idle timeout is checked by the server against `lastSeenAt`. */
  readonly expiresAt: Timestamp
}

export interface SessionStore {
  create(input: { id: string; userId: string; expiresAt: Timestamp }): Promise<Session>
  /** The session and its user; null when absent or past its absolute expiry. */
  find(sessionId: string): Promise<{ session: Session; user: User } | null>
  touch(sessionId: string): Promise<void>
  delete(sessionId: string): Promise<void>
  /** Ends every session of the user except `keepSessionId` (password change). */
  deleteForUser(userId: string, keepSessionId?: string): Promise<number>
  deleteExpired(): Promise<number>
}

export function sessionStore(ctx: StoreContext): SessionStore {
  return {
    async create(input) {
      const now = ctx.now()
      const row = {
        id: input.id,
        user_id: input.userId,
        created_at: now,
        last_seen_at: now,
        expires_at: input.expiresAt,
      }
      await ctx.db.insertInto('sessions').values(row).execute()
      return toSession(row)
    },

    async find(sessionId) {
      const row = await ctx.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select([
          'sessions.id as session_id',
          'sessions.created_at as session_created_at',
          'sessions.last_seen_at',
          'sessions.expires_at',
        ])
        .where('sessions.id', '=', sessionId)
        .where('sessions.expires_at', '>', ctx.now())
        .executeTakeFirst()
      if (row === undefined) return null
      return {
        session: toSession({
          id: row.session_id,
          user_id: row.id,
          created_at: row.session_created_at,
          last_seen_at: row.last_seen_at,
          expires_at: row.expires_at,
        }),
        user: toUser(row),
      }
    },

    async touch(sessionId) {
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: ctx.now() })
        .where('id', '=', sessionId)
        .execute()
    },

    async delete(sessionId) {
      await ctx.db.deleteFrom('sessions').where('id', '=', sessionId).execute()
    },

    async deleteForUser(userId, keepSessionId) {
      let query = ctx.db.deleteFrom('sessions').where('user_id', '=', userId)
      if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId)
      const result = await query.executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    async deleteExpired() {
      const result = await ctx.db
        .deleteFrom('sessions')
        .where('expires_at', '<=', ctx.now())
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

function toSession(row: Selectable<Tables['sessions']>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  }
}
