import type { ChildProcess } from 'node:child_process'
import { execFile, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The published package, as a user gets it (slow: one build, one pack, one install; ~2 minutes,
// most of it compiling better-sqlite3). The tracked files are copied into a temporary folder, as a
// fresh clone would have them; that copy is built with `npm run build` and packed with `npm pack`;
// the tarball is installed into an empty project with `npm install --omit=dev`, so no
// devDependency (tsx, PGlite, vitest...) is present. Then the installed `tandem` must assess an
// example, serve the built web app from another working directory, and import as a library from
// plain ESM and CommonJS.

const exec = promisify(execFile)
const REPO = resolve('.')
const SLOW_MS = 600_000

let work: string
let clone: string
let project: string
let installed: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tandem-package-'))
  clone = join(work, 'clone')
  const { stdout } = await exec(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
  )
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(REPO, file))) continue
    cpSync(join(REPO, file), join(clone, file), { recursive: true })
  }
  symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'), 'dir')
  await exec('npm', ['run', 'build'], { cwd: clone, timeout: SLOW_MS })
  const packed = await exec('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: clone,
    timeout: SLOW_MS,
  })
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }]
  project = join(work, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), '{"name":"uses-tandem","private":true}\n')
  await exec(
    'npm',
    ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)],
    {
      cwd: project,
      timeout: SLOW_MS,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...(await betterSqlitePrebuild(work)) },
    },
  )
  installed = join(project, 'node_modules/tandem')
}, SLOW_MS)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the npm package (slow: build, pack, install)', { timeout: 120_000 }, () => {
  it('holds the build and the data it reads, and no sources, tests or tooling', () => {
    for (const file of [
      'LICENSE',
      'bin/tandem',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/bin.js',
      'dist/web/index.html',
      'dist/server/auth/common-passwords.txt',
      'playbooks/tandem-default.yaml',
      'schemas/profile.schema.json',
      'examples/startup-seed.yaml',
      'docs/operations.md',
    ]) {
      expect(existsSync(join(installed, file)), file).toBe(true)
    }
    for (const absent of ['src', 'test', 'bench', 'scripts', '.ci', 'dist/index.test.js']) {
      expect(existsSync(join(installed, absent)), absent).toBe(false)
    }
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('The Tandem authors')
  })

  it('is publint clean, suggestions included', async () => {
    const { messages } = await publint({ pkgDir: clone, strict: true, level: 'suggestion' })
    expect(messages.map((message) => `${message.code} at ${message.path.join('.')}`)).toEqual([])
  })

  it('installs no devDependency', () => {
    const modules = join(project, 'node_modules')
    for (const dev of ['tsx', 'vitest', '@electric-sql/pglite', 'json-rules-engine', 'vite']) {
      expect(existsSync(join(modules, dev)), dev).toBe(false)
    }
  })

  it('runs `npx tandem assess` on an example', async () => {
    cpSync(join(installed, 'examples/startup-seed.yaml'), join(project, 'startup-seed.yaml'))
    const { stdout } = await exec(
      'npx',
      ['--offline', 'tandem', 'assess', 'startup-seed.yaml', '--format', 'json'],
      { cwd: project, timeout: 60_000 },
    )
    const assessment = JSON.parse(stdout) as { schema: string; recommendation: unknown }
    expect(assessment.schema).toMatch(/^tandem\/assessment@/)
    expect(assessment.recommendation).toBeTruthy()
  })

  it('imports as a library from plain ESM and from CommonJS', async () => {
    const profile = readFileSync(join(installed, 'examples/startup-seed.yaml'), 'utf8')
    writeFileSync(
      join(project, 'use.mjs'),
      `import { assess, parseProfileText } from 'tandem'\n` +
        `const result = assess(parseProfileText(${JSON.stringify(profile)}, 'x.yaml'))\n` +
        `console.log(result.schema)\n`,
    )
    const esm = await exec(process.execPath, ['use.mjs'], { cwd: project, timeout: 60_000 })
    expect(esm.stdout).toMatch(/^tandem\/assessment@\d+\n$/)
    writeFileSync(
      join(project, 'use.cjs'),
      `const { assess } = require('tandem')\nconsole.log(typeof assess)\n`,
    )
    const cjs = await exec(process.execPath, ['use.cjs'], { cwd: project, timeout: 60_000 })
    expect(cjs.stdout).toBe('function\n')
  })

  it('serves the built web app and the seeded demo from any working directory', async () => {
    const elsewhere = join(work, 'elsewhere')
    mkdirSync(elsewhere)
    const server = await serve(join(installed, 'bin/tandem'), elsewhere)
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      const page = await fetch(`${server.url}/`)
      expect(await page.text()).toContain('<div id="root">')
      // A demo workspace is seeded from the package's examples, not ./examples of the working directory.
      const demo = await fetch(`${server.url}/api/v1/auth/demo`, {
        method: 'POST',
        headers: { origin: server.url },
      })
      expect(demo.status).toBe(200)
      const cookie = (demo.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const me = (await (
        await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })
      ).json()) as { workspaces: { id: string }[] }
      const organizations = (await (
        await fetch(`${server.url}/api/v1/workspaces/${me.workspaces[0]?.id}/organizations`, {
          headers: { cookie },
        })
      ).json()) as { items: unknown[] }
      expect(organizations.items.length).toBeGreaterThanOrEqual(3)
      // Log lines on stdout are JSON when not on a terminal, one per request with its fields.
      expect(server.output()).toMatch(
        /"method":"GET","route":"\/readyz","url":"\/readyz","status":200/,
      )
      expect(existsSync(join(elsewhere, 'data/tandem.db'))).toBe(true)
    } finally {
      await server.stop()
    }
  })
})

async function serve(
  bin: string,
  cwd: string,
): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TANDEM_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+?)["\s]/.exec(output)
      if (match?.[1]) {
        clearInterval(timer)
        done(match[1])
      }
    }, 100)
    void exited.then(() => {
      clearInterval(timer)
      fail(new Error(`tandem serve exited: ${output}`))
    })
  })
  return {
    url,
    output: () => output,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * better-sqlite3's install script downloads a prebuilt addon from GitHub and compiles SQLite (minutes
 * of CPU) when it cannot. Users get the download; here the registry is the only network, so the
 * addon this checkout already has is offered to that script as the "downloaded" prebuild, under the
 * name it looks for. The install script still runs; only the source of the file differs.
 */
async function betterSqlitePrebuild(folder: string): Promise<Record<string, string>> {
  const addon = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
  if (!existsSync(addon)) return {}
  const { version } = JSON.parse(
    readFileSync(join(REPO, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ) as { version: string }
  const prebuilds = join(folder, 'prebuilds')
  const staging = join(folder, 'prebuild-staging')
  mkdirSync(join(staging, 'build/Release'), { recursive: true })
  mkdirSync(prebuilds, { recursive: true })
  cpSync(addon, join(staging, 'build/Release/better_sqlite3.node'))
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  await exec('tar', ['-czf', join(prebuilds, name), '-C', staging, 'build'])
  return { npm_config_better_sqlite3_local_prebuilds: prebuilds }
}
