import type { Selectable } from 'kysely'
import type { StoreContext } from './context.js'
import type { Tables } from './schema.js'
import type { LinkStatus } from '../contract/link-statuses.js'
import type { Role } from '../contract/roles.js'
import type { Actor, Timestamp } from './store.js'
import { ConflictError } from '../errors/conflict-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { inWriteTransaction, isUniqueViolation, lockWorkspace, writeAudit } from './context.js'
import { emailKey } from './user-store.js'

export type { LinkStatus }

/** An invitation to join a workspace with a role; the token itself is never stored. */
export interface Invitation {
  readonly id: string
  readonly workspaceId: string
  readonly email: string
  readonly role: Role
  readonly status: LinkStatus
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly expiresAt: Timestamp
  readonly acceptedAt: Timestamp | null
  readonly acceptedBy: string | null
  readonly revokedAt: Timestamp | null
}

/** What an invitee sees before accepting: the invitation with the workspace and inviter names. */
export interface InvitationLookup {
  readonly invitation: Invitation
  readonly workspaceName: string
  readonly invitedBy: string
}

export interface InvitationStore {
  /**
   * Invites `email` to the workspace (one audit row). ConflictError when the email already
   * belongs to a member or has a pending invitation there.
   */
  create(
    actor: Actor,
    workspaceId: string,
    input: { email: string; role: Role; tokenHash: string; expiresAt: Timestamp },
  ): Promise<Invitation>
  /** Invitations not yet used, revoked or expired, oldest first. */
  listPending(workspaceId: string): Promise<readonly Invitation[]>
  /** Revokes a pending invitation (one audit row); NotFoundError when none is pending. */
  revoke(actor: Actor, workspaceId: string, invitationId: string): Promise<Invitation>
  /** The invitation a link's token hash names, in any status; the hash is the credential. */
  findByToken(tokenHash: string): Promise<InvitationLookup | null>
  /**
   * Uses the invitation: the user joins the workspace with its role, in one transaction with one
   * audit row. Exactly one of concurrent calls with the same token wins; the others, and any
   * call for a used, revoked or expired invitation, get NotFoundError. A user who is already a
   * member keeps their role. The user's email must be the invited one (ConflictError).
   */
  accept(tokenHash: string, user: { id: string; email: string }): Promise<Invitation>
}

export function invitationStore(ctx: StoreContext): InvitationStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        await lockWorkspace(tx, workspaceId)
        const key = emailKey(input.email)
        const member = await tx.db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select('users.id')
          .where('memberships.workspace_id', '=', workspaceId)
          .where('users.email_key', '=', key)
          .executeTakeFirst()
        if (member) throw new ConflictError(`${input.email} is already a member of this workspace`)
        const pending = await pendingQuery(tx, workspaceId)
          .where('email_key', '=', key)
          .executeTakeFirst()
        if (pending) {
          throw new ConflictError(
            `${input.email} already has a pending invitation; revoke it to send a new one`,
          )
        }
        const row = {
          id: tx.newId(),
          workspace_id: workspaceId,
          email: input.email.trim(),
          email_key: key,
          role: input.role,
          token_hash: input.tokenHash,
          created_at: tx.now(),
          created_by: actor.userId,
          expires_at: input.expiresAt,
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        }
        try {
          await tx.db.insertInto('invitations').values(row).execute()
        } catch (error) {
          if (isUniqueViolation(error)) throw new ConflictError('the invitation token is taken')
          throw error
        }
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'invitation.create',
          target: `invitation:${row.id}`,
          before: null,
          after: { email: row.email, role: row.role, expiresAt: row.expires_at },
        })
        return toInvitation(row, tx.now())
      })
    },

    async listPending(workspaceId) {
      const rows = await pendingQuery(ctx, workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      const now = ctx.now()
      return rows.map((row) => toInvitation(row, now))
    },

    revoke(actor, workspaceId, invitationId) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const row = await pendingQuery(tx, workspaceId)
          .where('id', '=', invitationId)
          .executeTakeFirst()
        if (!row) throw new NotFoundError('invitation', invitationId)
        await tx.db
          .updateTable('invitations')
          .set({ revoked_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', invitationId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'invitation.revoke',
          target: `invitation:${row.id}`,
          before: { email: row.email, role: row.role },
          after: null,
        })
        return toInvitation({ ...row, revoked_at: now }, now)
      })
    },

    async findByToken(tokenHash) {
      const row = await ctx.db
        .selectFrom('invitations')
        .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
        .leftJoin('users', 'users.id', 'invitations.created_by')
        .selectAll('invitations')
        .select(['workspaces.name as workspace_name', 'users.name as inviter_name'])
        .where('invitations.token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (!row) return null
      return {
        invitation: toInvitation(row, ctx.now()),
        workspaceName: row.workspace_name,
        invitedBy: row.inviter_name ?? 'an owner',
      }
    },

    accept(tokenHash, user) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const row = await tx.db
          .selectFrom('invitations')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst()
        if (!row || linkStatus(row.accepted_at, row.revoked_at, row.expires_at, now) !== 'pending')
          throw new NotFoundError('invitation', 'link')
        if (row.email_key !== emailKey(user.email)) {
          throw new ConflictError(
            `this invitation is for ${row.email}; you are signed in as ${user.email}`,
          )
        }
        // The claim: only one of concurrent uses updates the row; the rest roll back.
        const claimed = await tx.db
          .updateTable('invitations')
          .set({ accepted_at: now, accepted_by: user.id })
          .where('id', '=', row.id)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) throw new NotFoundError('invitation', 'link')
        const existing = await tx.db
          .selectFrom('memberships')
          .select('role')
          .where('workspace_id', '=', row.workspace_id)
          .where('user_id', '=', user.id)
          .executeTakeFirst()
        if (!existing) {
          await tx.db
            .insertInto('memberships')
            .values({
              workspace_id: row.workspace_id,
              user_id: user.id,
              role: row.role,
              created_at: now,
            })
            .execute()
        }
        await writeAudit(tx, {
          actor: { userId: user.id },
          workspaceId: row.workspace_id,
          action: 'invitation.accept',
          target: `member:${user.id}`,
          before: existing ? { role: existing.role } : null,
          after: { role: existing?.role ?? row.role, invitationId: row.id },
        })
        return toInvitation({ ...row, accepted_at: now, accepted_by: user.id }, now)
      })
    },
  }
}

function pendingQuery(ctx: StoreContext, workspaceId: string) {
  return ctx.db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', ctx.now())
}

/** The status of a one-time link at `now`. */
export function linkStatus(
  usedAt: string | null,
  revokedAt: string | null,
  expiresAt: string,
  now: string,
): LinkStatus {
  if (usedAt !== null) return 'used'
  if (revokedAt !== null) return 'revoked'
  return expiresAt > now ? 'pending' : 'expired'
}

function toInvitation(row: Selectable<Tables['invitations']>, now: string): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role as Role,
    status: linkStatus(row.accepted_at, row.revoked_at, row.expires_at, now),
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    revokedAt: row.revoked_at,
  }
}
