import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { run } from '../cli/main.js'
import { defaultPlaybook } from '../io/load-playbook.js'
import { createStore, openDatabase } from '../store/index.js'
import { aUser } from '../../test/server-harness.js'
import { startServerProcess } from '../../test/server-process.js'
import { countRealUsers, DEMO_WORKSPACE_NAME, seedDemo } from './first-run.js'
import { createLogger } from './logger.js'
import { DEMO_EMAIL } from './routes/auth.js'

describe('demo seed', () => {
  it('seeds the example organizations, each assessed, once, on an empty database only', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database })
    const log = createLogger('silent')
    expect(await seedDemo(store, database, defaultPlaybook(), 'examples', log)).toBe(true)
    expect(await seedDemo(store, database, defaultPlaybook(), 'examples', log)).toBe(false)
    const demo = await store.users.findByEmail(DEMO_EMAIL)
    const workspaces = await store.workspaces.listForUser(demo?.id ?? '')
    expect(workspaces.map((w) => [w.name, w.role])).toEqual([[DEMO_WORKSPACE_NAME, 'owner']])
    const { items } = await store.organizations.list(workspaces[0]?.id ?? '')
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect(items.every((item) => item.latestAssessment !== null)).toBe(true)
    expect(await countRealUsers(database)).toBe(0)
    await database.close()
  })

  it('never seeds over real data', async () => {
    const database = await openDatabase({ kind: 'sqlite', path: ':memory:' })
    const store = createStore({ db: database })
    await aUser(store, 'real@example.com')
    expect(
      await seedDemo(store, database, defaultPlaybook(), 'examples', createLogger('silent')),
    ).toBe(false)
    expect(await store.users.findByEmail(DEMO_EMAIL)).toBeNull()
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
