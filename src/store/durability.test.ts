import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aStoredProfile, aTenant } from '../../test/store-builders.js'
import type { Store } from './store.js'
import { createStore } from './create-store.js'
import { openDatabase } from './db.js'

// reliability.md §D, on SQLite files and real processes: a commit that was acknowledged survives
// kill -9; a second process writing while another holds the write lock waits instead of failing
// with SQLITE_BUSY; backups are consistent snapshots that open as a working database.

const CHILD = fileURLToPath(new URL('../../test/store-durability-child.ts', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-durability-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('SQLite durability', () => {
  it('keeps every acknowledged commit after kill -9, with nothing half-written', async () => {
    const path = join(dir, 'tandem.db')
    const child = startChild(['write', path])
    const acked = new Map<string, number>()
    let ready: string[] = []
    const killAfter = 300 + Math.floor(Math.random() * 1200)
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', () => resolve())
      lines(child, (line) => {
        const [kind, a, b] = line.split(' ')
        if (kind === 'ready') ready = [a!, b!]
        if (kind !== 'ack') return
        // The kill lands at a random moment after writing has started, mid-transaction or not.
        if (acked.size === 0) setTimeout(() => child.kill('SIGKILL'), killAfter)
        acked.set(a!, Number(b))
      })
    })
    expect(child.signalCode).toBe('SIGKILL')
    expect(acked.size).toBeGreaterThan(0)

    const database = await openDatabase({ kind: 'sqlite', path })
    try {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
        database.kysely,
      )
      expect(integrity.rows).toEqual([{ integrity_check: 'ok' }])
      const store = createStore({ db: database })
      const [workspaceId] = ready
      const items = []
      for (let after: string | null | undefined; after !== null;) {
        const page = await store.organizations.list(workspaceId!, {
          limit: 200,
          ...(after === undefined ? {} : { after }),
        })
        items.push(...page.items)
        after = page.nextCursor
      }
      const stored = new Map(items.map((item) => [item.name, item.profileVersion]))
      const lost = [...acked].filter(([name, version]) => (stored.get(name) ?? 0) < version)
      expect(lost).toEqual([])
      // At most the one commit in flight when the signal came is there without its ack.
      expect(items.length - acked.size).toBeLessThanOrEqual(1)
      // Each change is whole: its versions and its audit row arrived together.
      let versions = 0
      for (const item of items) {
        const { items: history } = await store.organizations.versions(workspaceId!, item.id)
        expect(history.map((v) => v.version)).toEqual(
          Array.from({ length: item.profileVersion }, (_, i) => i + 1),
        )
        versions += history.length
      }
      const audit = await auditRows(store, workspaceId!)
      expect(audit).toBe(versions + 1)
    } finally {
      await database.close()
    }
  })

  it('lets a second process write while the first holds the write lock, without SQLITE_BUSY', async () => {
    const path = join(dir, 'tandem.db')
    const database = await openDatabase({ kind: 'sqlite', path })
    const store = createStore({ db: database })
    const tenant = await aTenant(store, 'Ada')
    const child = startChild(['hold', path, '1500'])
    const events: string[] = []
    const released = new Promise<void>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`child exited ${code}`)),
      )
    })
    await new Promise<void>((resolve) => {
      lines(child, (line) => {
        events.push(line)
        if (line === 'holding') resolve()
      })
    })
    const started = Date.now()
    const org = await store.organizations.create(tenant.owner, tenant.workspace.id, {
      profile: aStoredProfile({ name: 'Waited' }),
    })
    const waited = Date.now() - started
    await released
    expect(waited).toBeGreaterThan(500)
    expect(events).toEqual(['holding', 'released'])
    expect((await store.organizations.get(tenant.workspace.id, org.id))?.name).toBe('Waited')
    expect((await store.users.findByEmail('holder@example.com'))?.name).toBe('Holder')
    await store.close()
  })

  it('backs up with VACUUM INTO while open, and the backup opens as the database was', async () => {
    const path = join(dir, 'tandem.db')
    const backup = join(dir, 'backup.db')
    const database = await openDatabase({ kind: 'sqlite', path })
    const store = createStore({ db: database })
    const tenant = await aTenant(store, 'Ada')
    const org = await store.organizations.create(tenant.owner, tenant.workspace.id, {
      profile: aStoredProfile({ name: 'Before backup' }),
    })
    await store.backupTo(backup)
    await expect(store.backupTo(backup)).rejects.toThrow(
      expect.objectContaining({
        code: 'IO_ERROR',
        message: `cannot write the backup to ${backup}: the file exists`,
      }),
    )
    await store.organizations.updateProfile(tenant.owner, tenant.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'After backup' }),
      expectedVersion: 1,
    })
    await store.close()

    const restored = createStore({ db: await openDatabase({ kind: 'sqlite', path: backup }) })
    try {
      expect(await restored.organizations.get(tenant.workspace.id, org.id)).toMatchObject({
        name: 'Before backup',
        profileVersion: 1,
      })
      expect((await restored.audit.list(tenant.workspace.id)).map((row) => row.action)).toEqual([
        'organization.create',
        'workspace.create',
      ])
      const next = await restored.organizations.updateProfile(
        tenant.owner,
        tenant.workspace.id,
        org.id,
        {
          profile: aStoredProfile({ name: 'Restored and edited' }),
          expectedVersion: 1,
        },
      )
      expect(next.profileVersion).toBe(2)
    } finally {
      await restored.close()
    }
  })
})

async function auditRows(store: Store, workspaceId: string): Promise<number> {
  let count = 0
  let before: string | undefined
  for (;;) {
    const page = await store.audit.list(workspaceId, { limit: 500, ...(before ? { before } : {}) })
    count += page.length
    if (page.length < 500) return count
    before = page[page.length - 1]!.id
  }
}

function startChild(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

function lines(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  createInterface({ input: child.stdout }).on('line', onLine)
}
