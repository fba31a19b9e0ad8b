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

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const AT = '2025-12-01T00:00:00.000Z'

describe.each(STORE_DIALECTS)('migration 004-accounts on %s', (dialect) => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore(dialect, { migrate: false })
    const { error } = await migratorFor(t.database).migrateTo('003-token-scope')
    if (error !== undefined)
      throw new Error('could not apply the older migrations', { cause: error })
  })
  afterEach(() => t.dispose())

  it('turns the old shared demo into an expiring, read-only demo and keeps real accounts', async () => {
    const db = t.database.kysely
    for (const [id, email] of [
      ['u-demo', 'demo@tandem.invalid'],
      ['u-ada', 'ada@example.com'],
    ] as const) {
      await sql`insert into users (id, email, email_key, name, password_hash, created_at, updated_at)
        values (${id}, ${email}, ${email}, 'x', 'h', ${AT}, ${AT})`.execute(db)
    }
    for (const [ws, user] of [
      ['w-demo', 'u-demo'],
      ['w-ada', 'u-ada'],
    ] as const) {
      await sql`insert into workspaces (id, name, version, created_at, updated_at)
        values (${ws}, 'W', 1, ${AT}, ${AT})`.execute(db)
      await sql`insert into memberships (workspace_id, user_id, role, created_at)
        values (${ws}, ${user}, 'owner', ${AT})`.execute(db)
    }

    await migrateToLatest(t.database)

    expect(await t.store.demos.findForUser('u-demo')).toEqual({
      workspaceId: 'w-demo',
      userId: 'u-demo',
      maxChanges: 0,
      createdAt: AT,
    })
    expect(await t.store.demos.findForUser('u-ada')).toBeNull()
    await expect(
      t.store.workspaces.rename({ userId: 'u-demo' }, 'w-demo', {
        name: 'Mine',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' })
    // Nobody has used it within the idle limit: the next maintenance pass deletes it.
    expect(await t.store.demos.prune(24 * 3_600_000)).toBe(1)
    expect(await t.store.users.get('u-demo')).toBeNull()
    expect(await t.store.workspaces.get('w-ada')).not.toBeNull()
  })
})
