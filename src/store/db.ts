import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import type { Dialect } from './store.js'
import type { Tables } from './schema.js'
import { IoError } from '../errors/io-error.js'
import { UsageError } from '../errors/usage-error.js'
import { migrationProvider } from './migrations/index.js'
import { PgliteDialect } from './pglite-dialect.js'

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres'
      readonly url: string
      /** Use (and create) this schema instead of `public`: isolates test runs. */
      readonly schema?: string
      readonly poolSize?: number
      /** Shown in pg_stat_activity; default `tandem`. */
      readonly applicationName?: string
    }
  | {
      readonly kind: 'pglite'
      readonly dataDir?: string
      readonly schema?: string
      /** Reuse an open instance (its start takes seconds); it is then left open on close. */
      readonly instance?: PGlite
    }

/** An open database: the Kysely instance plus what the store needs to know about it. */
export interface Database {
  readonly kysely: Kysely<Tables>
  readonly dialect: Dialect
  readonly config: DatabaseConfig
  close(): Promise<void>
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise SQLite at
 * `$TANDEM_DATA_DIR/tandem.db` (default `./data/tandem.db`).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env['DATABASE_URL']
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new UsageError(
        `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…")`,
      )
    }
    return { kind: 'postgres', url }
  }
  return { kind: 'sqlite', path: resolve(env['TANDEM_DATA_DIR'] ?? './data', 'tandem.db') }
}

/** Opens the database and brings its schema to the latest migration. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const database = await connect(config)
  try {
    await sql`select 1`.execute(database.kysely)
  } catch (error) {
    await database.close().catch(() => undefined)
    throw new IoError('connect to the database at', describeDatabase(config), error)
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(database)
    } catch (error) {
      await database.close()
      throw error
    }
  }
  return database
}

/** Kysely's migrator over the database's migrations, its bookkeeping in the database's schema. */
export function migratorFor(database: Database): Migrator {
  const schema = 'schema' in database.config ? database.config.schema : undefined
  return new Migrator({
    db: database.kysely,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  })
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<void> {
  const { error, results } = await migratorFor(database).migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error })
  }
}

async function connect(config: DatabaseConfig): Promise<Database> {
  switch (config.kind) {
    case 'sqlite':
      return openSqlite(config)
    case 'postgres':
      return openPostgres(config)
    case 'pglite':
      return openPglite(config)
  }
}

// Durability (reliability.md §D, docs/decisions.md, "Persistence"): WAL with synchronous=FULL, so a commit is
// fsynced to the WAL before it is acknowledged and survives both kill -9 and power loss.
// NORMAL would survive kill -9 too but could lose the last commits on power loss.
function openSqlite(config: { kind: 'sqlite'; path: string }): Database {
  let sqlite: BetterSqlite3.Database
  try {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true })
    sqlite = new BetterSqlite3(config.path, { timeout: SQLITE_BUSY_TIMEOUT_MS })
  } catch (error) {
    throw new IoError('open the SQLite database', config.path, error)
  }
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { kysely, dialect: 'sqlite', config, close: () => kysely.destroy() }
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
): Promise<Database> {
  if (config.schema !== undefined) await createSchema(config.url, config.schema)
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    application_name: config.applicationName ?? 'tandem',
    // Fail a request instead of hanging when the server is down; the pool retries on the next.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(config.schema === undefined
      ? {}
      : { options: `-c search_path=${quoteIdent(config.schema)}` }),
  })
  // An idle client whose server went away emits 'error' on the pool; without a listener Node
  // would crash. The pool drops that client and opens a fresh one on the next query.
  pool.on('error', () => undefined)
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  return { kysely, dialect: 'postgres', config, close: () => kysely.destroy() }
}

async function openPglite(config: Extract<DatabaseConfig, { kind: 'pglite' }>): Promise<Database> {
  const owned = config.instance === undefined
  const pglite = config.instance ?? (await (await importPglite()).PGlite.create(config.dataDir))
  if (config.schema !== undefined) {
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.schema)}`)
    await pglite.exec(`SET search_path TO ${quoteIdent(config.schema)}`)
  }
  const kysely = new Kysely<Tables>({ dialect: new PgliteDialect(pglite) })
  return {
    kysely,
    dialect: 'postgres',
    config,
    close: async () => {
      await kysely.destroy()
      if (owned) await pglite.close()
    },
  }
}

/**
 * PGlite is a devDependency (tests without a PostgreSQL server): imported only when asked for, so an
 * installed package runs without it.
 */
async function importPglite(): Promise<{ PGlite: typeof PGlite }> {
  try {
    return await import('@electric-sql/pglite')
  } catch (error) {
    throw new UsageError(
      'the in-process PostgreSQL (PGlite) needs @electric-sql/pglite, a development dependency: ' +
        `npm install @electric-sql/pglite (${error instanceof Error ? error.message : String(error)})`,
    )
  }
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
  } finally {
    await client.end()
  }
}

/** Drops a schema made by `{ schema }` (test cleanup). */
export async function dropSchema(database: Database, schema: string): Promise<void> {
  await sql.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).execute(database.kysely)
}

/** Where the database is, for messages and logs: never the PostgreSQL password. */
export function describeDatabase(config: DatabaseConfig): string {
  switch (config.kind) {
    case 'sqlite':
      return config.path
    case 'pglite':
      return `PGlite ${config.dataDir ?? '(in memory)'}`
    case 'postgres': {
      try {
        const url = new URL(config.url)
        if (url.password !== '') url.password = '***'
        return url.toString()
      } catch {
        return 'postgres://(unparseable DATABASE_URL)'
      }
    }
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name "${name}"`)
  return `"${name}"`
}
