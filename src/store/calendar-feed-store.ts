import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, writeAudit } from './context.js'
import type { Audience, CalendarFeed, CalendarFeedStore } from './operations-records.js'

/**
 * Calendar feed secrets: only a hash of each secret URL's token is kept (like API tokens), and a
 * revoked feed stops answering at once. Organization feeds belong to a workspace; a member's feed
 * to the user.
 */
export function calendarFeedStore(ctx: StoreContext): CalendarFeedStore {
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
        const feed: CalendarFeed = {
          id: tx.newId(),
          audience: input.audience,
          createdAt: tx.now(),
          revokedAt: null,
        }
        await tx.db
          .insertInto('calendar_feeds')
          .values({
            workspace_id: workspaceId,
            organization_id: organizationId,
            id: feed.id,
            secret_hash: input.secretHash,
            audience: feed.audience,
            created_at: feed.createdAt,
            created_by: actor.userId,
            revoked_at: null,
          })
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'calendar-feed.create',
          target: `calendar-feed:${feed.id}`,
          before: null,
          after: { organizationId, audience: feed.audience },
        })
        return feed
      })
    },

    async list(workspaceId, organizationId) {
      const rows = await ctx.db
        .selectFrom('calendar_feeds')
        .select(['id', 'audience', 'created_at', 'revoked_at'])
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toFeed)
    },

    revoke(actor, workspaceId, organizationId, feedId) {
      return inWriteTransaction(ctx, async (tx) => {
        const row = await tx.db
          .selectFrom('calendar_feeds')
          .select(['id', 'revoked_at'])
          .where('workspace_id', '=', workspaceId)
          .where('organization_id', '=', organizationId)
          .where('id', '=', feedId)
          .executeTakeFirst()
        if (row === undefined) throw new NotFoundError('calendar feed', feedId)
        if (row.revoked_at !== null) return
        const at = tx.now()
        await tx.db
          .updateTable('calendar_feeds')
          .set({ revoked_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', feedId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'calendar-feed.revoke',
          target: `calendar-feed:${feedId}`,
          before: { revokedAt: null },
          after: { revokedAt: at },
        })
      })
    },

    async findByHash(secretHash) {
      const row = await ctx.db
        .selectFrom('calendar_feeds')
        .select(['workspace_id', 'organization_id', 'audience'])
        .where('secret_hash', '=', secretHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return row === undefined
        ? null
        : {
            workspaceId: row.workspace_id,
            organizationId: row.organization_id,
            audience: row.audience as Audience,
          }
    },

    async createForMember(userId, input) {
      const feed: CalendarFeed = {
        id: ctx.newId(),
        audience: 'client',
        createdAt: ctx.now(),
        revokedAt: null,
      }
      await ctx.db
        .insertInto('member_calendar_feeds')
        .values({
          id: feed.id,
          user_id: userId,
          secret_hash: input.secretHash,
          created_at: feed.createdAt,
          revoked_at: null,
        })
        .execute()
      return feed
    },

    async listForMember(userId) {
      const rows = await ctx.db
        .selectFrom('member_calendar_feeds')
        .select(['id', 'created_at', 'revoked_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map((row) => toFeed({ ...row, audience: 'client' }))
    },

    async revokeForMember(userId, feedId) {
      const row = await ctx.db
        .selectFrom('member_calendar_feeds')
        .select(['id', 'revoked_at'])
        .where('user_id', '=', userId)
        .where('id', '=', feedId)
        .executeTakeFirst()
      if (row === undefined) throw new NotFoundError('calendar feed', feedId)
      if (row.revoked_at !== null) return
      await ctx.db
        .updateTable('member_calendar_feeds')
        .set({ revoked_at: ctx.now() })
        .where('user_id', '=', userId)
        .where('id', '=', feedId)
        .execute()
    },

    async findMemberFeedByHash(secretHash) {
      const row = await ctx.db
        .selectFrom('member_calendar_feeds')
        .select('user_id')
        .where('secret_hash', '=', secretHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return row === undefined ? null : { userId: row.user_id }
    },
  }
}

function toFeed(row: {
  id: string
  audience: string
  created_at: string
  revoked_at: string | null
}): CalendarFeed {
  return {
    id: row.id,
    audience: row.audience as Audience,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}
