import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Accounts beyond the command line (issue 12): invitations to a workspace, owner-issued password
// reset links, and private demo workspaces, one per anonymous visitor.
//
// Links are one-time secrets: only a SHA-256 hash of the token is stored (like sessions and API
// tokens), each row expires, and a use or a revocation is a timestamp, so a link is single-use
// and the history of who invited whom stays readable. Invitations and reset links are issued
// inside a workspace by its owner, so both tables are tenant-owned (non-null, indexed
// workspace_id) and vanish with the workspace.

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'editor', 'viewer')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema
    .createIndex('invitations_workspace_id')
    .on('invitations')
    .columns(['workspace_id', 'email_key'])
    .execute()

  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema
    .createIndex('password_resets_workspace_id')
    .on('password_resets')
    .columns(['workspace_id', 'user_id'])
    .execute()

  // One row per visitor's demo workspace: the cap counts these rows, the size limit reads
  // max_changes, and maintenance deletes the workspace and its visitor once idle.
  await db.schema
    .createTable('demo_workspaces')
    .addColumn('workspace_id', 'text', (c) =>
      c.primaryKey().notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('max_changes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('demo_workspaces_user')
    .on('demo_workspaces')
    .column('user_id')
    .execute()

  // The one shared demo workspace of earlier versions becomes an ordinary expiring demo: its
  // visitors' edits were everyone's, and maintenance now deletes it with its demo user.
  await sql`
    insert into demo_workspaces (workspace_id, user_id, max_changes, created_at)
    select m.workspace_id, m.user_id, 0, u.created_at
    from memberships m join users u on u.id = m.user_id
    where u.email_key = 'demo@tandem.invalid'
  `.execute(db)
}
