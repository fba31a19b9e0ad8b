import type { Kysely } from 'kysely'
import { SqliteAdapter, sql } from 'kysely'

// Assessments and the version histories of profiles and charters are records of what was true at
// a time: the database refuses to change them. They can still be deleted, with their organization.

const TABLES = ['assessments', 'profile_versions', 'charter_versions'] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  for (const table of TABLES) {
    const message = `${table} rows are immutable`
    if (sqlite) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_immutable BEFORE UPDATE ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, '${message}'); END`,
        )
        .execute(db)
      continue
    }
    await sql
      .raw(
        `CREATE FUNCTION ${table}_immutable() RETURNS trigger LANGUAGE plpgsql AS ` +
          `$$ BEGIN RAISE EXCEPTION '${message}'; END $$`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE ON ${table} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION ${table}_immutable()`,
      )
      .execute(db)
  }
}
