import type { CreateTableBuilder, Kysely } from 'kysely'
import { SqliteAdapter, sql } from 'kysely'

// The whole schema, one migration, identical on SQLite and PostgreSQL except for the
// auto-increment column type and the trigger syntax. Tenant-owned tables carry a non-null,
// indexed workspace_id, and child rows reference their parent through (workspace_id, id), so
// the database itself refuses an assessment of another workspace's organization (§A).

type Db = Kysely<unknown>

export async function up(db: Db): Promise<void> {
  const sqlite = isSqlite(db)

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute()
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute()

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await tenant(db, 'memberships')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'editor', 'viewer')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute()
  await index(db, 'memberships')
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute()

  await tenant(db, 'organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('profile_version', 'integer', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organizations_ws_id', ['workspace_id', 'id'])
    .execute()
  await index(db, 'organizations')
  await db.schema
    .createIndex('organizations_ws_name')
    .on('organizations')
    .columns(['workspace_id', 'name_key'])
    .execute()

  await tenant(db, 'profile_versions')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_versions_pk', ['organization_id', 'version'])
    .addForeignKeyConstraint(
      'profile_versions_org',
      ['workspace_id', 'organization_id'],
      'organizations',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await index(db, 'profile_versions')

  await tenant(db, 'assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('profile_version', 'integer', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('playbook_version', 'text', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('current_structure', 'text')
    .addColumn('anti_patterns', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessments_ws_id', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'assessments_org',
      ['workspace_id', 'organization_id'],
      'organizations',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'assessments_profile_version',
      ['organization_id', 'profile_version'],
      'profile_versions',
      ['organization_id', 'version'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await index(db, 'assessments')
  await db.schema
    .createIndex('assessments_ws_org')
    .on('assessments')
    .columns(['workspace_id', 'organization_id', 'created_at'])
    .execute()

  await tenant(db, 'charters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('charter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('charters_ws_id', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'charters_assessment',
      ['workspace_id', 'assessment_id'],
      'assessments',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await index(db, 'charters')
  await db.schema
    .createIndex('charters_ws_assessment')
    .on('charters')
    .columns(['workspace_id', 'assessment_id'])
    .execute()

  await tenant(db, 'charter_versions')
    .addColumn('charter_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('charter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_versions_pk', ['charter_id', 'version'])
    .addForeignKeyConstraint(
      'charter_versions_charter',
      ['workspace_id', 'charter_id'],
      'charters',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await index(db, 'charter_versions')

  await tenant(db, 'playbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('playbooks_ws_playbook_version', [
      'workspace_id',
      'playbook_id',
      'version',
    ])
    .execute()
  await index(db, 'playbooks')

  await tenant(db, 'import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('refused', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addUniqueConstraint('import_jobs_ws_id', ['workspace_id', 'id'])
    .execute()
  await index(db, 'import_jobs')
  await db.schema
    .createIndex('import_jobs_status')
    .on('import_jobs')
    .columns(['status', 'created_at'])
    .execute()

  await serialTable(db, sqlite, 'import_errors')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'import_errors_job',
      ['workspace_id', 'job_id'],
      'import_jobs',
      ['workspace_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await index(db, 'import_errors')
  await db.schema
    .createIndex('import_errors_job')
    .on('import_errors')
    .columns(['job_id', 'row'])
    .execute()

  // No foreign key to workspaces: the audit trail outlives what it describes.
  await serialTable(db, sqlite, 'audit_log')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute()
  await db.schema
    .createIndex('audit_log_workspace_id')
    .on('audit_log')
    .columns(['workspace_id', 'seq'])
    .execute()
  await appendOnly(db, sqlite, 'audit_log')

  await db.schema
    .createTable('security_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('email', 'text')
    .addColumn('ip', 'text')
    .addColumn('workspace_id', 'text')
    .addColumn('detail', 'text')
    .execute()
  await db.schema.createIndex('security_log_at').on('security_log').column('at').execute()
  await appendOnly(db, sqlite, 'security_log')

  await serialTable(db, sqlite, 'login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_failures_key_at')
    .on('login_failures')
    .columns(['key', 'at'])
    .execute()

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
}

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}

function tenant(db: Db, table: string): CreateTableBuilder<string, 'workspace_id'> {
  return db.schema
    .createTable(table)
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
}

async function index(db: Db, table: string): Promise<void> {
  await db.schema.createIndex(`${table}_workspace_id`).on(table).column('workspace_id').execute()
}

function serialTable(db: Db, sqlite: boolean, table: string): CreateTableBuilder<string, 'seq'> {
  return sqlite
    ? db.schema
        .createTable(table)
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    : db.schema.createTable(table).addColumn('seq', 'bigserial', (c) => c.primaryKey())
}

// ASVS 16.4.2: log rows cannot be changed by the application, enforced by the database itself.
async function appendOnly(db: Db, sqlite: boolean, table: string): Promise<void> {
  const message = `${table} is append-only`
  if (sqlite) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, '${message}'); END`,
        )
        .execute(db)
    }
    return
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS ` +
        `$$ BEGIN RAISE EXCEPTION '${message}'; END $$`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db)
}
