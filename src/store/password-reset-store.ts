import type { Selectable } from 'kysely'
import type { StoreContext } from './context.js'
import type { LinkStatus } from '../contract/link-statuses.js'
import type { Tables } from './schema.js'
import type { Actor, Timestamp } from './store.js'
import { ForbiddenError } from '../errors/forbidden-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { inWriteTransaction, isUniqueViolation, lockWorkspace, writeAudit } from './context.js'
import { ConflictError } from '../errors/conflict-error.js'
import { linkStatus } from './invitation-store.js'

/** A one-time link with which a member sets a new password; the token itself is never stored. */
export interface PasswordReset {
  readonly id: string
  readonly workspaceId: string
  readonly userId: string
  readonly email: string
  readonly status: LinkStatus
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly expiresAt: Timestamp
  readonly usedAt: Timestamp | null
  readonly revokedAt: Timestamp | null
}

export interface PasswordResetStore {
  /**
   * Issues a reset link for a member of the workspace (one audit row); earlier pending links for
   * the same member in this workspace are revoked by it. NotFoundError for a non-member.
   * ForbiddenError when the member also belongs to a workspace the actor does not own: a reset
   * link hands over the whole account, so only someone who owns all of it may issue one.
   */
  create(
    actor: Actor,
    workspaceId: string,
    input: { userId: string; tokenHash: string; expiresAt: Timestamp },
  ): Promise<PasswordReset>
  /** Reset links not yet used, revoked or expired, oldest first. */
  listPending(workspaceId: string): Promise<readonly PasswordReset[]>
  /** Revokes a pending link (one audit row); NotFoundError when none is pending. */
  revoke(actor: Actor, workspaceId: string, resetId: string): Promise<PasswordReset>
  /** The link a token hash names, in any status. */
  findByToken(tokenHash: string): Promise<PasswordReset | null>
  /**
   * Uses the link: sets the password hash and ends every session of the user, in one transaction
   * with one audit row. Exactly one of concurrent uses wins; the others, and a used, revoked or
   * expired link, get NotFoundError.
   */
  use(tokenHash: string, passwordHash: string): Promise<PasswordReset>
}

export function passwordResetStore(ctx: StoreContext): PasswordResetStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        await lockWorkspace(tx, workspaceId)
        const member = await tx.db
          .selectFrom('memberships')
          .select('user_id')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', input.userId)
          .executeTakeFirst()
        if (!member) throw new NotFoundError('member', input.userId)
        const elsewhere = await tx.db
          .selectFrom('memberships as target')
          .leftJoin('memberships as mine', (join) =>
            join
              .onRef('mine.workspace_id', '=', 'target.workspace_id')
              .on('mine.user_id', '=', actor.userId)
              .on('mine.role', '=', 'owner'),
          )
          .select('target.workspace_id')
          .where('target.user_id', '=', input.userId)
          .where('mine.user_id', 'is', null)
          .executeTakeFirst()
        if (elsewhere) {
          throw new ForbiddenError(
            'this member also belongs to workspaces you do not own; ask them to change their ' +
              'password themselves, or a server administrator to reset it',
          )
        }
        const now = tx.now()
        await tx.db
          .updateTable('password_resets')
          .set({ revoked_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', input.userId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute()
        const row = {
          id: tx.newId(),
          workspace_id: workspaceId,
          user_id: input.userId,
          token_hash: input.tokenHash,
          created_at: now,
          created_by: actor.userId,
          expires_at: input.expiresAt,
          used_at: null,
          revoked_at: null,
        }
        try {
          await tx.db.insertInto('password_resets').values(row).execute()
        } catch (error) {
          if (isUniqueViolation(error)) throw new ConflictError('the reset token is taken')
          throw error
        }
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'password-reset.create',
          target: `member:${input.userId}`,
          before: null,
          after: { resetId: row.id, expiresAt: row.expires_at },
        })
        const [created] = await selectResets(tx).where('password_resets.id', '=', row.id).execute()
        if (!created) throw new NotFoundError('password reset', row.id)
        return toReset(created, now)
      })
    },

    async listPending(workspaceId) {
      const now = ctx.now()
      const rows = await selectResets(ctx)
        .where('password_resets.workspace_id', '=', workspaceId)
        .where('password_resets.used_at', 'is', null)
        .where('password_resets.revoked_at', 'is', null)
        .where('password_resets.expires_at', '>', now)
        .orderBy('password_resets.created_at')
        .orderBy('password_resets.id')
        .execute()
      return rows.map((row) => toReset(row, now))
    },

    revoke(actor, workspaceId, resetId) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const row = await selectResets(tx)
          .where('password_resets.workspace_id', '=', workspaceId)
          .where('password_resets.id', '=', resetId)
          .executeTakeFirst()
        if (!row || toReset(row, now).status !== 'pending') {
          throw new NotFoundError('password reset', resetId)
        }
        await tx.db
          .updateTable('password_resets')
          .set({ revoked_at: now })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', resetId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'password-reset.revoke',
          target: `member:${row.user_id}`,
          before: { resetId },
          after: null,
        })
        return toReset({ ...row, revoked_at: now }, now)
      })
    },

    async findByToken(tokenHash) {
      const row = await selectResets(ctx)
        .where('password_resets.token_hash', '=', tokenHash)
        .executeTakeFirst()
      return row ? toReset(row, ctx.now()) : null
    },

    use(tokenHash, passwordHash) {
      return inWriteTransaction(ctx, async (tx) => {
        const now = tx.now()
        const row = await selectResets(tx)
          .where('password_resets.token_hash', '=', tokenHash)
          .executeTakeFirst()
        if (!row || toReset(row, now).status !== 'pending') {
          throw new NotFoundError('password reset', 'link')
        }
        const claimed = await tx.db
          .updateTable('password_resets')
          .set({ used_at: now })
          .where('id', '=', row.id)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) throw new NotFoundError('password reset', 'link')
        await tx.db
          .updateTable('users')
          .set({ password_hash: passwordHash, updated_at: now })
          .where('id', '=', row.user_id)
          .execute()
        await tx.db.deleteFrom('sessions').where('user_id', '=', row.user_id).execute()
        await writeAudit(tx, {
          actor: { userId: row.user_id },
          workspaceId: row.workspace_id,
          action: 'password-reset.use',
          target: `member:${row.user_id}`,
          before: { resetId: row.id },
          after: null,
        })
        return toReset({ ...row, used_at: now }, now)
      })
    },
  }
}

function selectResets(ctx: StoreContext) {
  return ctx.db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .selectAll('password_resets')
    .select('users.email')
}

function toReset(row: Selectable<Tables['password_resets']> & { email: string }, now: string) {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    email: row.email,
    status: linkStatus(row.used_at, row.revoked_at, row.expires_at, now),
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  } satisfies PasswordReset
}
