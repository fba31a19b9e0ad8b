import type { PGlite } from '@electric-sql/pglite'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from '../src/store/db.js'
import { dropSchema, openDatabase } from '../src/store/db.js'
import { createStore } from '../src/store/create-store.js'
import type { Store } from '../src/store/store.js'

// Store tests run in a loop over dialects, as Kysely's own do: SQLite on a temp file, and
// PostgreSQL — the real server when TEST_DATABASE_URL is set, else in-process PGlite. Every test
// gets a fresh database (SQLite) or a fresh schema (PostgreSQL, PGlite), so runs never collide.

export const STORE_DIALECTS = [
  'sqlite',
  process.env['TEST_DATABASE_URL'] ? 'postgres' : 'pglite',
] as const
export type StoreDialect = (typeof STORE_DIALECTS)[number]

export interface TestStore {
  readonly store: Store
  readonly database: Database
  readonly clock: TestClock
  /** The SQLite file, for tests that reopen it. */
  readonly path: string | null
  /** The PostgreSQL schema of this test (also the pool's application name suffix). */
  readonly schema: string | null
  /** Another connection (pool) to the same database, as a second server process would have. */
  reopen(): Promise<Database>
  dispose(): Promise<void>
}

export interface TestClock {
  readonly now: () => Date
  advance(ms: number): void
  set(iso: string): void
}

export const T0 = '2026-01-01T09:00:00.000Z'

/** A clock that stands still until told to move. */
export function aClock(start = T0): TestClock {
  let current = Date.parse(start)
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
    set: (iso) => {
      current = Date.parse(iso)
    },
  }
}

/** Ids `id-0001`, `id-0002`, …: exact in assertions, and sort in creation order. */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0
  return () => `${prefix}-${String(++next).padStart(4, '0')}`
}

let sharedPglite: Promise<PGlite> | undefined

/**
 * A fresh, migrated database of the dialect with a store over it. `migrate: false` leaves it empty,
 * for tests that upgrade an older schema themselves.
 */
export async function openTestStore(
  dialect: StoreDialect,
  options: { readonly migrate?: boolean } = {},
): Promise<TestStore> {
  const clock = aClock()
  const newId = sequentialIds()
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-store-'))
    const path = join(dir, 'tandem.db')
    const database = await openDatabase({ kind: 'sqlite', path }, options)
    return {
      store: createStore({ db: database, clock: clock.now, newId }),
      database,
      clock,
      path,
      schema: null,
      reopen: () => openDatabase({ kind: 'sqlite', path }),
      dispose: async () => {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const open = async (): Promise<Database> =>
    dialect === 'postgres'
      ? openDatabase(
          {
            kind: 'postgres',
            url: process.env['TEST_DATABASE_URL'] ?? '',
            schema,
            poolSize: 4,
            applicationName: `tandem-${schema}`,
          },
          options,
        )
      : openDatabase({ kind: 'pglite', instance: await pglite(), schema }, options)
  const database = await open()
  return {
    store: createStore({ db: database, clock: clock.now, newId }),
    database,
    clock,
    path: null,
    schema,
    reopen: open,
    dispose: async () => {
      await dropSchema(database, schema)
      await database.close()
    },
  }
}

/** PGlite takes 15–60 s to start on a busy machine: start it once, before the tests time. */
export const PGLITE_START_TIMEOUT_MS = 180_000

export async function prepareStoreDialects(): Promise<void> {
  if ((STORE_DIALECTS as readonly string[]).includes('pglite')) await pglite()
}

/** Closes this worker's PGlite instance, if one was started. */
export async function closeSharedPglite(): Promise<void> {
  if (sharedPglite === undefined) return
  const instance = await sharedPglite
  sharedPglite = undefined
  await instance.close()
}

function pglite(): Promise<PGlite> {
  sharedPglite ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create())
  return sharedPglite
}
