import type { CreateTableBuilder, Kysely } from 'kysely'
import { SqliteAdapter, sql } from 'kysely'

// Operate (docs/operations.md): seat assignments, the initiative register with its stage history,
// lens reviews, measurements and gate overrides, the alignment meetings and their decisions,
// signal acknowledgements and calendar feed secrets. Every table but the per-member calendar feeds
// belongs to one workspace: a non-null, indexed workspace_id, and children reference their parent
// through (workspace_id, id) so the database refuses a row pointing into another workspace.
// What records a past event (stage moves, overrides, acknowledgements, reviews, measurements) is
// immutable; initiatives, meetings and decisions are archived, never deleted by the application.

type Db = Kysely<unknown>

const IMMUTABLE = [
  'stage_moves',
  'lens_reviews',
  'measurements',
  'gate_overrides',
  'gate_acknowledgements',
  'signal_acknowledgements',
] as const

export async function up(db: Db): Promise<void> {
  await childOf(db, 'seat_assignments', 'organization_id', 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seat', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('holder', 'delegate')`))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await index(db, 'seat_assignments', ['workspace_id', 'organization_id'])
  await db.schema
    .createIndex('seat_assignments_member')
    .on('seat_assignments')
    .column('member_id')
    .execute()

  await childOf(db, 'operation_settings', 'organization_id', 'organizations')
    .addColumn('seats_version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('operation_settings_pk', ['organization_id'])
    .execute()
  await index(db, 'operation_settings', ['workspace_id'])

  await childOf(db, 'initiatives', 'organization_id', 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages()}`))
    .addColumn('stage_since', 'text', (c) => c.notNull())
    .addColumn('owner_seat', 'text')
    .addColumn('owner_member_id', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('initiatives_ws_id', ['workspace_id', 'id'])
    .execute()
  await index(db, 'initiatives', ['workspace_id', 'organization_id', 'created_at', 'id'])
  await db.schema
    .createIndex('initiatives_ws_org_stage')
    .on('initiatives')
    .columns(['workspace_id', 'organization_id', 'stage', 'created_at', 'id'])
    .execute()

  for (const table of INITIATIVE_CHILDREN) {
    let builder = childOf(db, table, 'initiative_id', 'initiatives').addColumn('id', 'text', (c) =>
      c.primaryKey(),
    )
    builder = childColumns[table](builder)
    await builder.execute()
    await index(db, table, ['workspace_id', 'initiative_id'])
  }

  await childOf(db, 'meetings', 'organization_id', 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('scheduled', 'held', 'cancelled')`),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meetings_ws_id', ['workspace_id', 'id'])
    .execute()
  await index(db, 'meetings', ['workspace_id', 'organization_id', 'date', 'id'])

  await childOf(db, 'decisions', 'meeting_id', 'meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_seat', 'text')
    .addColumn('owner_member_id', 'text')
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'done', 'dropped')`),
    )
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'decisions', ['workspace_id', 'organization_id'])
  await db.schema
    .createIndex('decisions_ws_meeting')
    .on('decisions')
    .columns(['workspace_id', 'meeting_id', 'position'])
    .execute()

  await childOf(db, 'signal_acknowledgements', 'organization_id', 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await index(db, 'signal_acknowledgements', ['workspace_id', 'organization_id', 'key'])

  await childOf(db, 'calendar_feeds', 'organization_id', 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('client', 'internal')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await index(db, 'calendar_feeds', ['workspace_id', 'organization_id'])

  // A member's feed spans every workspace they belong to: it belongs to the user, like a token.
  await db.schema
    .createTable('member_calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema
    .createIndex('member_calendar_feeds_user')
    .on('member_calendar_feeds')
    .column('user_id')
    .execute()

  await immutable(db, IMMUTABLE)
}

type Builder = CreateTableBuilder<string, string>

const INITIATIVE_CHILDREN = [
  'stage_moves',
  'lens_reviews',
  'measurements',
  'gate_overrides',
  'gate_acknowledgements',
] as const

const childColumns: Record<(typeof INITIATIVE_CHILDREN)[number], (b: Builder) => Builder> = {
  stage_moves: (b) =>
    b
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('created', 'moved', 'forced', 'imported')`),
      )
      .addColumn('reason', 'text')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('seat', 'text')
      .addColumn('member_id', 'text')
      .addColumn('skipped', 'text', (c) => c.notNull())
      .addUniqueConstraint('stage_moves_initiative_seq', ['initiative_id', 'seq']),
  lens_reviews: (b) =>
    b
      .addColumn('lens', 'text', (c) => c.notNull().check(sql`lens in ('cto', 'caio')`))
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('review', 'text', (c) => c.notNull()),
  measurements: (b) =>
    b
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('visibility', 'text', (c) =>
        c.notNull().check(sql`visibility in ('client', 'internal')`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull()),
  gate_overrides: (b) =>
    b
      .addColumn('stage_move_id', 'text', (c) => c.notNull())
      .addColumn('from_stage', 'text', (c) => c.notNull())
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull()),
  gate_acknowledgements: (b) =>
    b
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull()),
}

function stages() {
  return sql`('idea', 'pilot', 'production', 'retired', 'stopped')`
}

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}

/** A tenant table whose rows belong to a parent of the same workspace (and go with it). */
function childOf(db: Db, table: string, column: string, parent: string): Builder {
  return db.schema
    .createTable(table)
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn(column, 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      `${table}_parent`,
      ['workspace_id', column],
      parent,
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
}

async function index(db: Db, table: string, columns: readonly string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_workspace_id`)
    .on(table)
    .columns([...columns])
    .execute()
}

async function immutable(db: Db, tables: readonly string[]): Promise<void> {
  const sqlite = isSqlite(db)
  for (const table of tables) {
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
