import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { run } from '../cli/main.js'
import { defaultPlaybook } from '../io/load-playbook.js'
import { createStore, openDatabase } from '../store/index.js'
import { aUser } from '../../test/server-harness.js'
import { startServerProcess } from '../../test/server-process.js'
import { createDemo, loadDemoSeed } from './demo.js'
import { countRealUsers } from './first-run.js'
import { createLogger } from './logger.js'
import { DEMO_EMAIL } from './routes/auth.js'

describe('demo seed', () => {
  it('reads every example organization, each assessed once per server', async () => {
    const seed = await loadDemoSeed('examples', defaultPlaybook(), createLogger('silent'))
    const files = readdirSync('examples').filter((file) => /\.ya?ml$/.test(file))
    expect(seed.organizations.map(({ profile }) => profile.name)).toHaveLength(files.length)
    expect(seed.organizations.length).toBeGreaterThanOrEqual(3)
    for (const { profile, result } of seed.organizations) expect(result.profile).toEqual(profile)
  })

  it('counts real accounts only: demo visitors do not open the setup link', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database })
    const seed = await loadDemoSeed('examples', defaultPlaybook(), createLogger('silent'))
    const { workspace } = await createDemo(store, seed, { max: 5, maxChanges: 100 })
    await aUser(store, DEMO_EMAIL)
    expect(await countRealUsers(database)).toBe(0)
    const { items } = await store.organizations.list(workspace.id)
    expect(items).toHaveLength(seed.organizations.length)
    expect(items.every((item) => item.latestAssessment !== null)).toBe(true)
    await aUser(store, 'real@example.com')
    expect(await countRealUsers(database)).toBe(1)
    await database.close()
  })
})

describe('tandem admin create-user', () => {
  async function cli(argv: string[], stdin: string, dataDir: string) {
    const out = new PassThrough()
    const err = new PassThrough()
    let stdout = ''
    let stderr = ''
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const code = await run(argv, {
      stdin: Readable.from([Buffer.from(stdin)]),
      stdout: out,
      stderr: err,
      isTTY: false,
      env: { TANDEM_DATA_DIR: dataDir },
    })
    return { code, stdout, stderr }
  }

  it('creates the first owner with a workspace from a password on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-admin-'))
    const result = await cli(
      ['admin', 'create-user', '--email', 'Owner@Example.com', '--password-stdin'],
      'a long passphrase\n',
      dir,
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^created user owner@example.com \(.+\)\ncreated workspace "My workspace"/,
    )
    const database = await openDatabase({ kind: 'sqlite', path: join(dir, 'tandem.db') })
    const store = createStore({ db: database })
    const user = await store.users.findByEmail('owner@example.com')
    expect((await store.workspaces.listForUser(user?.id ?? '')).map((w) => w.role)).toEqual([
      'owner',
    ])
    await database.close()
  })

  it('backs the database up with `tandem admin backup`, a copy that opens with the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-admin-'))
    await cli(
      ['admin', 'create-user', '--email', 'kept@example.com', '--password-stdin'],
      'a long passphrase\n',
      dir,
    )
    const copy = join(dir, 'backup.db')
    const result = await cli(['admin', 'backup', copy], '', dir)
    expect([result.code, result.stdout]).toEqual([0, `wrote ${copy}\n`])
    const database = await openDatabase({ kind: 'sqlite', path: copy })
    expect(await createStore({ db: database }).users.findByEmail('kept@example.com')).not.toBeNull()
    await database.close()
    const again = await cli(['admin', 'backup', copy], '', dir)
    expect(again.code).toBe(4)
  })

  it('refuses a common password with exit code 3 and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-admin-'))
    const result = await cli(
      ['admin', 'create-user', '--email', 'a@example.com', '--password-stdin'],
      'password123\n',
      dir,
    )
    expect(result.code).toBe(3)
    expect(result.stderr).toBe(
      'tandem: the password is one of the most common passwords; choose another\n  password: is one of the most common passwords; choose another\n',
    )
  })
})

describe('tandem serve with no configuration', () => {
  it('creates SQLite under the data dir, prints the URL and a setup link, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-serve-'))
    const server = await startServerProcess({ TANDEM_DATA_DIR: dir, TANDEM_DEMO: 'off' })
    try {
      expect(server.output()).toContain(`Database: ${join(dir, 'tandem.db')}`)
      const token = /setup\?token=([\w-]+)/.exec(server.output())?.[1]
      expect(token).toMatch(/^[\w-]{43}$/)
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      expect((await fetch(`${server.url}/setup?token=${token}`)).status).toBe(200)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, 90_000)
})
