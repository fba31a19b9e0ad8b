import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, lockWorkspace, writeAudit } from './context.js'
import { ConflictError } from '../errors/conflict-error.js'
import type { SeatAssignment, SeatAssignments, SeatRole, SeatStore } from './operations-records.js'

/** Who fills which seat of an organization; the whole set is saved at once, versioned. */
export function seatStore(ctx: StoreContext): SeatStore {
  return {
    get(workspaceId, organizationId) {
      return load(ctx, workspaceId, organizationId)
    },

    replace(actor, workspaceId, organizationId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        await lockWorkspace(tx, workspaceId)
        const organization = await tx.db
          .selectFrom('organizations')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', organizationId)
          .executeTakeFirst()
        if (organization === undefined) throw new NotFoundError('organization', organizationId)
        const current = await load(tx, workspaceId, organizationId)
        if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
          throw ConflictError.stale(
            'seat assignments',
            organizationId,
            input.expectedVersion,
            current.version,
          )
        }
        await tx.db
          .deleteFrom('seat_assignments')
          .where('workspace_id', '=', workspaceId)
          .where('organization_id', '=', organizationId)
          .execute()
        if (input.assignments.length > 0) {
          await tx.db
            .insertInto('seat_assignments')
            .values(
              input.assignments.map((assignment, index) => ({
                workspace_id: workspaceId,
                organization_id: organizationId,
                id: tx.newId(),
                seat: assignment.seat,
                member_id: assignment.memberId,
                role: assignment.role,
                from_date: assignment.from,
                to_date: assignment.to,
                position: index,
              })),
            )
            .execute()
        }
        const version = current.version + 1
        const values = {
          workspace_id: workspaceId,
          organization_id: organizationId,
          seats_version: version,
          updated_at: tx.now(),
        }
        if (current.version === 0) {
          await tx.db.insertInto('operation_settings').values(values).execute()
        } else {
          await tx.db
            .updateTable('operation_settings')
            .set({ seats_version: version, updated_at: values.updated_at })
            .where('workspace_id', '=', workspaceId)
            .where('organization_id', '=', organizationId)
            .execute()
        }
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'seats.replace',
          target: `organization:${organizationId}`,
          before: current,
          after: { version, assignments: input.assignments },
        })
        return { organizationId, version, assignments: input.assignments }
      })
    },

    async forMember(memberId) {
      const rows = await ctx.db
        .selectFrom('seat_assignments')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('workspace_id')
        .orderBy('organization_id')
        .orderBy('position')
        .execute()
      return rows.map((row) => ({
        workspaceId: row.workspace_id,
        organizationId: row.organization_id,
        ...toAssignment(row),
      }))
    },
  }
}

async function load(
  ctx: StoreContext,
  workspaceId: string,
  organizationId: string,
): Promise<SeatAssignments> {
  const [settings, rows] = await Promise.all([
    ctx.db
      .selectFrom('operation_settings')
      .select('seats_version')
      .where('workspace_id', '=', workspaceId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('seat_assignments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('organization_id', '=', organizationId)
      .orderBy('position')
      .execute(),
  ])
  return {
    organizationId,
    version: settings?.seats_version ?? 0,
    assignments: rows.map(toAssignment),
  }
}

function toAssignment(row: {
  seat: string
  member_id: string
  role: string
  from_date: string
  to_date: string | null
}): SeatAssignment {
  return {
    seat: row.seat,
    memberId: row.member_id,
    role: row.role as SeatRole,
    from: row.from_date,
    to: row.to_date,
  }
}
