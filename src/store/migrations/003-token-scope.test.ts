import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../../test/store-databases.js'
import { migrateToLatest, migratorFor } from '../db.js'
import { MIGRATIONS } from './index.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const BEFORE_SCOPES = ['001-initial', '002-immutable-history']

describe.each(STORE_DIALECTS)('migration 003-token-scope on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect, { migrate: false })
    await migrateTo(t, BEFORE_SCOPES.at(-1) ?? '')
  })
  afterEach(() => t.dispose())

  it('keeps the tokens of an existing database working with the rights they had', async () => {
    // Rows as the code before scopes wrote them: no scope, no workspace.
    await sql`insert into users (id, email, email_key, name, password_hash, created_at, updated_at)
      values ('u1', 'ada@b.c', 'ada@b.c', 'Ada', 'h', '2025-12-01T00:00:00.000Z',
              '2025-12-01T00:00:00.000Z')`.execute(t.database.kysely)
    await sql`insert into api_tokens (id, user_id, name, token_hash, created_at, last_used_at)
      values ('tok1', 'u1', 'ci', 'th-1', '2025-12-01T00:00:00.000Z', null)`.execute(
      t.database.kysely,
    )

    await migrateToLatest(t.database)

    expect((await t.store.apiTokens.findByHash('th-1'))?.token).toEqual({
      id: 'tok1',
      userId: 'u1',
      name: 'ci',
      tokenHash: 'th-1',
      scope: 'write',
      workspaceId: null,
      createdAt: '2025-12-01T00:00:00.000Z',
      lastUsedAt: null,
    })
  })

  it('upgrades an empty database too, and records itself as applied', async () => {
    await migrateToLatest(t.database)
    const applied = await sql<{
      name: string
    }>`select name from kysely_migration order by name`.execute(t.database.kysely)
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS))
  })
})

/** Applies the migrations up to and including `last`, as a server of an older release would have. */
async function migrateTo(t: TestStore, last: string): Promise<void> {
  const { error } = await migratorFor(t.database).migrateTo(last)
  if (error !== undefined) throw new Error('could not apply the older migrations', { cause: error })
}
