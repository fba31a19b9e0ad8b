import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseConfigFromEnv, describeDatabase, openDatabase } from './db.js'
import { MIGRATIONS } from './migrations/index.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-db-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('databaseConfigFromEnv', () => {
  it.each([
    [{}, { kind: 'sqlite', path: resolve('./data/tandem.db') }],
    [{ TANDEM_DATA_DIR: '/srv/tandem' }, { kind: 'sqlite', path: '/srv/tandem/tandem.db' }],
    [{ DATABASE_URL: '' }, { kind: 'sqlite', path: resolve('./data/tandem.db') }],
    [
      { DATABASE_URL: 'postgres://u:p@db:5432/tandem' },
      { kind: 'postgres', url: 'postgres://u:p@db:5432/tandem' },
    ],
    [
      { DATABASE_URL: 'postgresql://db/tandem', TANDEM_DATA_DIR: '/ignored' },
      { kind: 'postgres', url: 'postgresql://db/tandem' },
    ],
  ])('reads %j as %j', (env, config) => {
    expect(databaseConfigFromEnv(env)).toEqual(config)
  })

  it('refuses a DATABASE_URL of another kind, without echoing it whole', () => {
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'mysql://root:secret@db/x' })).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        message: 'DATABASE_URL must start with postgres:// or postgresql:// (got "mysql:…")',
      }),
    )
  })
})

describe('describeDatabase', () => {
  it('never shows the PostgreSQL password', () => {
    expect(describeDatabase({ kind: 'postgres', url: 'postgres://tandem:s3cret@db:5432/t' })).toBe(
      'postgres://tandem:***@db:5432/t',
    )
  })
})

describe('openDatabase', () => {
  it('opens SQLite in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: join(dir, 'nested', 'tandem.db') })
    try {
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.kysely))
            .rows[0] ?? {},
        )[0]
      expect({
        journal: await pragma('journal_mode'),
        synchronous: await pragma('synchronous'),
        foreignKeys: await pragma('foreign_keys'),
        busyTimeout: await pragma('busy_timeout'),
      }).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 10_000 })
    } finally {
      await database.close()
    }
  })

  it('runs the migrations once: reopening an existing database changes nothing', async () => {
    const path = join(dir, 'tandem.db')
    await (await openDatabase({ kind: 'sqlite', path })).close()
    const again = await openDatabase({ kind: 'sqlite', path })
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
        again.kysely,
      )
      expect(applied.rows).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name })))
    } finally {
      await again.close()
    }
  })

  it('names the file when SQLite cannot open it', async () => {
    const blocker = join(dir, 'not-a-dir')
    writeFileSync(blocker, 'x')
    await expect(
      openDatabase({ kind: 'sqlite', path: join(blocker, 'tandem.db') }),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'IO_ERROR',
        message: `cannot open the SQLite database ${join(blocker, 'tandem.db')} (EEXIST)`,
      }),
    )
  })

  it('names the server, without its password, when PostgreSQL is unreachable', async () => {
    const opening = openDatabase({
      kind: 'postgres',
      url: 'postgres://tandem:s3cret@127.0.0.1:1/t',
    })
    await expect(opening).rejects.toThrow(
      expect.objectContaining({
        code: 'IO_ERROR',
        message:
          'cannot connect to the database at postgres://tandem:***@127.0.0.1:1/t (ECONNREFUSED)',
      }),
    )
  })
})
