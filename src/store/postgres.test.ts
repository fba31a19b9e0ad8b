import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import { openTestStore } from '../../test/store-databases.js'
import { aStoredProfile, aTenant } from '../../test/store-builders.js'

// reliability.md §D: on PostgreSQL the pool survives the server dropping its connections (as in
// a restart) and keeps acknowledged writes. Needs a real server: runs when TEST_DATABASE_URL is set.

const url = process.env['TEST_DATABASE_URL']

describe.skipIf(url === undefined || url === '')('PostgreSQL connection pool', () => {
  let t: TestStore

  beforeEach(async () => {
    t = await openTestStore('postgres')
  })
  afterEach(() => t.dispose())

  it('reconnects after the server terminates every connection, keeping acknowledged writes', async () => {
    const tenant = await aTenant(t.store, 'Ada')
    const before = await t.store.organizations.create(tenant.owner, tenant.workspace.id, {
      profile: aStoredProfile({ name: 'Before' }),
    })
    expect(await terminateConnections(`tandem-${t.schema}`)).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 200))

    const after = await t.store.organizations.create(tenant.owner, tenant.workspace.id, {
      profile: aStoredProfile({ name: 'After' }),
    })
    const { items } = await t.store.organizations.list(tenant.workspace.id)
    expect(items.map((item) => item.id)).toEqual([after.id, before.id])
  })
})

async function terminateConnections(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [applicationName],
    )
    return result.rowCount ?? 0
  } finally {
    await client.end()
  }
}
