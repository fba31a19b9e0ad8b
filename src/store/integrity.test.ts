import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../test/store-databases.js'
import type { Tenant } from '../../test/store-builders.js'
import { aCharter, anAssessmentResult, aStoredProfile, aTenant } from '../../test/store-builders.js'
import { createStore } from './create-store.js'
import { TENANT_TABLES } from './schema.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)('audit trail and transactions on %s', (dialect) => {
  let t: TestStore
  let a: Tenant

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
  })
  afterEach(() => t.dispose())

  it.each(['update audit_log set action = $$x$$', 'delete from audit_log'])(
    'refuses `%s` at the database level',
    async (statement) => {
      const query = sql.raw(statement.replaceAll('$$', "'")).execute(t.database.kysely)
      await expect(query).rejects.toThrow(/audit_log is append-only/)
      expect((await t.store.audit.list(a.workspace.id)).map((row) => row.action)).toEqual([
        'workspace.create',
      ])
    },
  )

  it.each([
    ['assessments', "update assessments set structure = 'cto-owns-ai'"],
    ['profile_versions', "update profile_versions set profile = '{}'"],
    ['charter_versions', "update charter_versions set charter = '{}'"],
  ])('refuses to rewrite history in %s', async (table, statement) => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile(),
    })
    const assessment = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 1,
      result: anAssessmentResult(),
    })
    await t.store.charters.create(a.owner, a.workspace.id, {
      assessmentId: assessment.id,
      charter: aCharter(),
    })
    await expect(sql.raw(statement).execute(t.database.kysely)).rejects.toThrow(
      `${table} rows are immutable`,
    )
  })

  it('refuses to change the security log', async () => {
    await t.store.securityLog.append({
      kind: 'login.failed',
      userId: null,
      email: 'x@y.z',
      ip: null,
      workspaceId: null,
      detail: null,
    })
    await expect(sql`delete from security_log`.execute(t.database.kysely)).rejects.toThrow(
      /security_log is append-only/,
    )
  })

  it('commits the changes of a transaction together with their audit rows', async () => {
    const names = await t.store.transaction(async (tx) => {
      await tx.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name: 'One' }),
      })
      await tx.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name: 'Two' }),
      })
      return (await tx.organizations.list(a.workspace.id)).items.map((item) => item.name)
    })
    expect(names).toEqual(['One', 'Two'])
    expect((await t.store.audit.list(a.workspace.id)).map((row) => row.action)).toEqual([
      'organization.create',
      'organization.create',
      'workspace.create',
    ])
  })

  it('writes no audit row and keeps nothing when the transaction rolls back', async () => {
    const failing = t.store.transaction(async (tx) => {
      await tx.organizations.create(a.owner, a.workspace.id, { profile: aStoredProfile() })
      throw new Error('the import failed half-way')
    })
    await expect(failing).rejects.toThrow('the import failed half-way')
    expect(await t.store.organizations.list(a.workspace.id, { count: true })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    })
    expect((await t.store.audit.list(a.workspace.id)).map((row) => row.action)).toEqual([
      'workspace.create',
    ])
  })

  it('writes no audit row for a refused (stale) change', async () => {
    const org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile(),
    })
    await expect(
      t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
        profile: aStoredProfile({ name: 'Stale' }),
        expectedVersion: 7,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await t.store.audit.list(a.workspace.id)).toHaveLength(2)
  })

  it('pages the audit trail newest first with a cursor, scoped to the workspace', async () => {
    const b = await aTenant(t.store, 'Bob')
    for (const name of ['One', 'Two', 'Three']) {
      await t.store.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name }),
      })
    }
    const first = await t.store.audit.list(a.workspace.id, { limit: 2 })
    expect(first.map((row) => (row.after as { name: string }).name)).toEqual(['Three', 'Two'])
    const next = await t.store.audit.list(a.workspace.id, { limit: 2, before: first[1]!.id })
    expect(next.map((row) => row.action)).toEqual(['organization.create', 'workspace.create'])
    expect(next.every((row) => row.workspaceId === a.workspace.id)).toBe(true)
    expect((await t.store.audit.list(b.workspace.id)).map((row) => row.action)).toEqual([
      'workspace.create',
    ])
    await expect(
      t.store.audit.list(a.workspace.id, { before: 'x; drop table' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ field: 'before', message: 'expected an audit row id, got "x; drop table"' }],
    })
  })

  it('refuses, in the schema itself, a child row that points into another workspace', async () => {
    const b = await aTenant(t.store, 'Bob')
    const org = await t.store.organizations.create(b.owner, b.workspace.id, {
      profile: aStoredProfile(),
    })
    const insert = t.database.kysely
      .insertInto('profile_versions')
      .values({
        workspace_id: a.workspace.id,
        organization_id: org.id,
        version: 2,
        profile: '{}',
        created_at: '2026-01-01T00:00:00.000Z',
        created_by: a.owner.userId,
      })
      .execute()
    await expect(insert).rejects.toThrow(/foreign key/i)
  })

  it('gives every tenant-owned table a non-null, indexed workspace_id', async () => {
    // Only this test's schema: other schemas of the same server (other runs, benchmarks) are not ours.
    const tables = (await t.database.kysely.introspection.getTables()).filter(
      (table) => t.schema === null || table.schema === t.schema,
    )
    const withWorkspace = tables.filter((table) =>
      table.columns.some((column) => column.name === 'workspace_id'),
    )
    // security_log and api_tokens belong to users; their workspace_id is a nullable reference.
    expect(withWorkspace.map((table) => table.name).sort()).toEqual(
      [...TENANT_TABLES, 'api_tokens', 'security_log'].sort(),
    )
    for (const name of TENANT_TABLES) {
      const column = tables
        .find((table) => table.name === name)
        ?.columns.find((c) => c.name === 'workspace_id')
      expect({ name, nullable: column?.isNullable }).toEqual({ name, nullable: false })
      expect({ name, indexed: await leadsAnIndex(t, name) }).toEqual({ name, indexed: true })
    }
  })
})

describe.each(STORE_DIALECTS)('import jobs on %s', (dialect) => {
  let t: TestStore
  let a: Tenant

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
  })
  afterEach(() => t.dispose())

  it('hands each queued job to exactly one of several concurrent workers', async () => {
    const jobs = []
    for (let i = 0; i < 6; i++) {
      jobs.push(
        await t.store.imports.create(a.owner, a.workspace.id, {
          mediaType: 'text/csv',
          payload: `name\nOrg ${i}\n`,
          total: 1,
        }),
      )
    }
    const databases = await Promise.all([1, 2, 3].map(() => t.reopen()))
    try {
      const workers = [t.store, ...databases.map((db) => createStore({ db, clock: t.clock.now }))]
      const claimed = await Promise.all(
        workers.map(async (store, index) => {
          const mine: string[] = []
          for (;;) {
            const job = await store.imports.claim(`worker-${index}`, 60_000)
            if (job === null) return mine
            mine.push(job.id)
          }
        }),
      )
      expect(claimed.flat().sort()).toEqual(jobs.map((job) => job.id).sort())
    } finally {
      await Promise.all(databases.map((db) => db.close()))
    }
  })

  it('records progress and row errors under the lease and finishes the job', async () => {
    const job = await t.store.imports.create(a.owner, a.workspace.id, {
      mediaType: 'text/csv',
      payload: 'name,employees\nGood,10\nBad,x\n',
      total: 2,
    })
    const claimed = await t.store.imports.claim('w1', 60_000)
    expect(claimed).toMatchObject({
      id: job.id,
      status: 'running',
      payload: 'name,employees\nGood,10\nBad,x\n',
      leaseOwner: 'w1',
      leaseExpiresAt: '2026-01-01T09:01:00.000Z',
      startedAt: '2026-01-01T09:00:00.000Z',
    })
    await t.store.transaction(async (tx) => {
      await tx.organizations.create(a.owner, a.workspace.id, {
        profile: aStoredProfile({ name: 'Good' }),
      })
      await tx.imports.recordProgress(a.workspace.id, job.id, {
        workerId: 'w1',
        leaseMs: 60_000,
        processed: 2,
        accepted: 1,
        refused: 1,
        errors: [{ row: 3, field: 'employees', message: 'expected an integer, got "x"' }],
      })
    })
    const done = await t.store.imports.finish(a.workspace.id, job.id, {
      workerId: 'w1',
      status: 'done',
    })
    expect(done).toMatchObject({
      status: 'done',
      processed: 2,
      accepted: 1,
      refused: 1,
      leaseOwner: null,
    })
    expect((await t.store.imports.errors(a.workspace.id, job.id)).items).toEqual([
      { row: 3, field: 'employees', message: 'expected an integer, got "x"' },
    ])
    expect(await t.store.imports.claim('w2', 60_000)).toBeNull()
  })

  it('takes progress as running totals and keeps the errors of every chunk in row order', async () => {
    const job = await t.store.imports.create(a.owner, a.workspace.id, {
      mediaType: 'text/csv',
      payload: 'rows',
      total: 4,
    })
    await t.store.imports.claim('w1', 60_000)
    const chunk = (processed: number, accepted: number, refused: number, row: number) =>
      t.store.imports.recordProgress(a.workspace.id, job.id, {
        workerId: 'w1',
        leaseMs: 60_000,
        processed,
        accepted,
        refused,
        errors: [{ row, field: 'name', message: `row ${row} has no name` }],
      })
    await chunk(2, 1, 1, 2)
    t.clock.advance(10_000)
    const after = await chunk(4, 2, 2, 5)
    expect(after).toMatchObject({
      processed: 4,
      accepted: 2,
      refused: 2,
      leaseExpiresAt: '2026-01-01T09:01:10.000Z',
    })
    expect((await t.store.imports.errors(a.workspace.id, job.id)).items.map((e) => e.row)).toEqual([
      2, 5,
    ])
  })

  it('gives a job whose lease ran out to another worker and refuses the first one', async () => {
    const job = await t.store.imports.create(a.owner, a.workspace.id, {
      mediaType: 'application/x-ndjson',
      payload: '{}\n',
      total: 1,
    })
    await t.store.imports.claim('slow', 30_000)
    expect(await t.store.imports.claim('other', 30_000)).toBeNull()
    t.clock.advance(30_001)
    expect((await t.store.imports.claim('other', 30_000))?.id).toBe(job.id)
    const late = t.store.imports.recordProgress(a.workspace.id, job.id, {
      workerId: 'slow',
      leaseMs: 30_000,
      processed: 1,
      accepted: 1,
      refused: 0,
      errors: [],
    })
    await expect(late).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `import job "${job.id}" is not running under worker "slow"`,
    })
    expect((await t.store.imports.get(a.workspace.id, job.id))?.processed).toBe(0)
  })

  it('does not show a job or its errors to another workspace', async () => {
    const b = await aTenant(t.store, 'Bob')
    const job = await t.store.imports.create(b.owner, b.workspace.id, {
      mediaType: 'text/csv',
      payload: 'x',
      total: 0,
    })
    expect(await t.store.imports.get(a.workspace.id, job.id)).toBeNull()
    await expect(t.store.imports.errors(a.workspace.id, job.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `import job "${job.id}" does not exist`,
    })
  })
})

async function leadsAnIndex(t: TestStore, table: string): Promise<boolean> {
  if (t.database.dialect === 'sqlite') {
    const indexes = await sql<{
      name: string
    }>`select name from pragma_index_list(${table})`.execute(t.database.kysely)
    for (const index of indexes.rows) {
      const columns = await sql<{ name: string; seqno: number }>`
        select name, seqno from pragma_index_info(${index.name})`.execute(t.database.kysely)
      if (columns.rows.find((column) => column.seqno === 0)?.name === 'workspace_id') return true
    }
    return false
  }
  const indexes = await sql<{ indexdef: string }>`
    select indexdef from pg_indexes where tablename = ${table} and schemaname = current_schema()`.execute(
    t.database.kysely,
  )
  return indexes.rows.some((index) => /\((workspace_id)[,)]/.test(index.indexdef))
}
