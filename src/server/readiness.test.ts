import type { Database } from '../store/db.js'
import type { TestStore } from '../../test/store-databases.js'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createStore } from '../store/create-store.js'
import { aServer, json } from '../../test/server-harness.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../test/store-databases.js'

// reliability.md §G "Readiness that tells the truth": on a database that answers reads but takes no
// writes (a read-only data directory, a full disk, a read-only replica), /readyz says 503 and why;
// before, it said 200 while every write and sign-in failed with 500.

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)('readiness on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect)
  })
  afterEach(() => t.dispose())

  it('is 200 when the database takes writes', async () => {
    const server = await aServer({ TANDEM_LOG_LEVEL: 'silent' }, { store: t.store })
    const response = await server.app.inject({ method: 'GET', url: '/readyz' })
    expect([response.statusCode, json(response)]).toEqual([200, { status: 'ready' }])
    await server.close()
  })

  it('is 503 with the reason when the database answers reads but refuses writes', async () => {
    const { database, undo } = await readOnlyHandle(t)
    try {
      const store = createStore({ db: database })
      // Reads still work: this is the case a read-only probe called ready.
      await store.ping()
      const server = await aServer({ TANDEM_LOG_LEVEL: 'error' }, { store })
      const response = await server.app.inject({ method: 'GET', url: '/readyz' })
      expect(response.statusCode).toBe(503)
      expect(json(response)).toEqual({
        status: 'unavailable',
        reason: 'the database cannot be written',
        requestId: response.headers['x-request-id'],
      })
      expect(server.logs.map((line) => line.msg)).toContain('the database cannot be written')
      await server.close()
    } finally {
      await undo()
      await database.close()
    }
  })
})

/** A second handle on the test database that can read but not write, and how to undo it. */
async function readOnlyHandle(
  t: TestStore,
): Promise<{ database: Database; undo: () => Promise<void> }> {
  const none = () => Promise.resolve()
  if (t.path !== null) {
    const sqlite = new BetterSqlite3(t.path, { readonly: true })
    const kysely = new Kysely<never>({ dialect: new SqliteDialect({ database: sqlite }) })
    return { database: wrap(kysely, 'sqlite', t), undo: none }
  }
  const url = process.env['TEST_DATABASE_URL']
  if (url) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 2,
      options: `-c search_path=${t.schema} -c default_transaction_read_only=on`,
    })
    const kysely = new Kysely<never>({ dialect: new PostgresDialect({ pool }) })
    return { database: wrap(kysely, 'postgres', t), undo: none }
  }
  // PGlite is one connection: the test's own handle becomes read-only until undone.
  await sql`SET default_transaction_read_only = on`.execute(t.database.kysely)
  return {
    database: { ...t.database, close: none },
    undo: async () => {
      await sql`SET default_transaction_read_only = off`.execute(t.database.kysely)
    },
  }
}

function wrap(kysely: Kysely<never>, dialect: Database['dialect'], t: TestStore): Database {
  return {
    kysely: kysely,
    dialect,
    config: t.database.config,
    close: () => kysely.destroy(),
  }
}
