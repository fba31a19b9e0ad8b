import { ConflictError } from '../errors/conflict-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, isUniqueViolation, lockWorkspace, writeAudit } from './context.js'
import type { Role } from '../contract/roles.js'
import type { Actor, Timestamp } from './store.js'

export interface Member {
  readonly workspaceId: string
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly createdAt: Timestamp
}

export interface MemberStore {
  /** The member's role, or null for a non-member: the authorization check of every request. */
  role(workspaceId: string, userId: string): Promise<Role | null>
  list(workspaceId: string): Promise<readonly Member[]>
  /** Throws ConflictError when already a member, NotFoundError for an unknown user. */
  add(actor: Actor, workspaceId: string, input: { userId: string; role: Role }): Promise<Member>
  /** Throws ConflictError when it would leave the workspace without an owner. */
  setRole(actor: Actor, workspaceId: string, userId: string, role: Role): Promise<Member>
  /** Throws ConflictError when it would leave the workspace without an owner. */
  remove(actor: Actor, workspaceId: string, userId: string): Promise<void>
}

export function memberStore(ctx: StoreContext): MemberStore {
  return {
    async role(workspaceId, userId) {
      const row = await ctx.db
        .selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return row === undefined ? null : (row.role as Role)
    },

    list(workspaceId) {
      return listMembers(ctx, workspaceId)
    },

    add(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        await requireWorkspace(tx, workspaceId)
        const user = await tx.db
          .selectFrom('users')
          .select('id')
          .where('id', '=', input.userId)
          .executeTakeFirst()
        if (user === undefined) throw new NotFoundError('user', input.userId)
        try {
          await tx.db
            .insertInto('memberships')
            .values({
              workspace_id: workspaceId,
              user_id: input.userId,
              role: input.role,
              created_at: tx.now(),
            })
            .execute()
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new ConflictError(`user "${input.userId}" is already a member`, error)
          }
          throw error
        }
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'member.add',
          target: `member:${input.userId}`,
          before: null,
          after: { role: input.role },
        })
        return requireMember(tx, workspaceId, input.userId)
      })
    },

    setRole(actor, workspaceId, userId, role) {
      return inWriteTransaction(ctx, async (tx) => {
        await lockWorkspace(tx, workspaceId)
        const before = await requireMember(tx, workspaceId, userId)
        if (before.role === 'owner' && role !== 'owner') await keepAnOwner(tx, workspaceId, userId)
        await tx.db
          .updateTable('memberships')
          .set({ role })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'member.role',
          target: `member:${userId}`,
          before: { role: before.role },
          after: { role },
        })
        return { ...before, role }
      })
    },

    remove(actor, workspaceId, userId) {
      return inWriteTransaction(ctx, async (tx) => {
        await lockWorkspace(tx, workspaceId)
        const before = await requireMember(tx, workspaceId, userId)
        if (before.role === 'owner') await keepAnOwner(tx, workspaceId, userId)
        await tx.db
          .deleteFrom('memberships')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'member.remove',
          target: `member:${userId}`,
          before: { role: before.role },
          after: null,
        })
      })
    },
  }
}

async function listMembers(
  ctx: StoreContext,
  workspaceId: string,
  userId?: string,
): Promise<readonly Member[]> {
  let query = ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.workspace_id',
      'memberships.user_id',
      'memberships.role',
      'memberships.created_at',
      'users.email',
      'users.name',
    ])
    .where('memberships.workspace_id', '=', workspaceId)
  if (userId !== undefined) query = query.where('memberships.user_id', '=', userId)
  const rows = await query.orderBy('users.email_key').execute()
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
  }))
}

async function requireMember(
  ctx: StoreContext,
  workspaceId: string,
  userId: string,
): Promise<Member> {
  const [member] = await listMembers(ctx, workspaceId, userId)
  if (member === undefined) throw new NotFoundError('member', userId)
  return member
}

async function requireWorkspace(ctx: StoreContext, workspaceId: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .executeTakeFirst()
  if (row === undefined) throw new NotFoundError('workspace', workspaceId)
}

async function keepAnOwner(
  ctx: StoreContext,
  workspaceId: string,
  leavingUserId: string,
): Promise<void> {
  const other = await ctx.db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('user_id', '!=', leavingUserId)
    .executeTakeFirst()
  if (other === undefined) {
    throw new ConflictError(`workspace "${workspaceId}" must keep at least one owner`)
  }
}
