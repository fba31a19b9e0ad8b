import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// API tokens are scoped (reliability.md §B): `read` allows only safe methods, `write` all the
// user may do; `workspace_id` restricts a token to one workspace (null: all the user's). Rows
// from before this migration keep the rights they had: write, every workspace. SQLite can add a
// column with a foreign key or a CHECK when its default is constant, so one statement per column
// serves both dialects.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) =>
      c
        .notNull()
        .defaultTo('write')
        .check(sql`scope in ('read', 'write')`),
    )
    .execute()
  // A token restricted to a workspace dies with it: it could not be used any more anyway.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .execute()
}
