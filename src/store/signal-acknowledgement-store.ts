import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, writeAudit } from './context.js'
import type { SignalAcknowledgementStore } from './operations-records.js'

/** Acknowledged signals: appended, never changed; the latest one of a key counts. */
export function signalAcknowledgementStore(ctx: StoreContext): SignalAcknowledgementStore {
  return {
    add(actor, workspaceId, organizationId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const organization = await tx.db
          .selectFrom('organizations')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', organizationId)
          .executeTakeFirst()
        if (organization === undefined) throw new NotFoundError('organization', organizationId)
        const acknowledgement = {
          id: tx.newId(),
          key: input.key,
          reason: input.reason,
          until: input.until,
          by: actor.userId,
          at: tx.now(),
        }
        await tx.db
          .insertInto('signal_acknowledgements')
          .values({
            workspace_id: workspaceId,
            organization_id: organizationId,
            ...acknowledgement,
          })
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'signal.acknowledge',
          target: `organization:${organizationId}`,
          before: null,
          after: acknowledgement,
        })
        return acknowledgement
      })
    },

    async list(workspaceId, organizationId) {
      const rows = await ctx.db
        .selectFrom('signal_acknowledgements')
        .select(['id', 'key', 'reason', 'until', 'by', 'at'])
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('at')
        .orderBy('id')
        .execute()
      return rows
    },
  }
}
