// Lists and the workspace export at 1,000 and 10,000 organizations (3 profile versions, 3 assessments
// and a charter each), on SQLite and, with BENCH_DATABASE_URL, PostgreSQL. Each size is seeded by one
// child process and served by another (bench/scale-server.ts), whose peak RSS is the export's.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { spread } from './measure.js'
import type { Spread } from './measure.js'

const root = fileURLToPath(new URL('../', import.meta.url))

export interface ScaleRun {
  readonly dialect: 'sqlite' | 'postgres'
  readonly organizations: number
  readonly seedSeconds: number
  readonly organizationsPage: { readonly p50: number; readonly p99: number }
  readonly portfolio: { readonly p50: number; readonly p99: number }
  /** Seconds per export, over the rounds. */
  readonly export: Spread
  readonly exportMb: number
  /** Reads (first page of organizations) answered while the export ran. */
  readonly readsDuring: { readonly count: number; readonly p99: number }
  readonly serverRssMb: number
}

function child(args: readonly string[]): { process: ChildProcess; firstLine: Promise<string> } {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      `${root}bench/report-rss.mjs`,
      '--import',
      'tsx',
      'bench/scale-server.ts',
      ...args,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  )
  const lines = createInterface({ input: proc.stdout })
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`scale-server ${args[0]} exited ${code}`)))
  })
  return { process: proc, firstLine }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function timed(url: string, token: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return performance.now() - started
}

async function latencies(url: string, token: string, count: number): Promise<number[]> {
  for (let i = 0; i < 20; i++) await timed(url, token)
  const out: number[] = []
  for (let i = 0; i < count; i++) out.push(await timed(url, token))
  return out
}

export async function benchScaleOnce(
  dialect: 'sqlite' | 'postgres',
  organizations: number,
  rounds = 3,
): Promise<ScaleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-scale-'))
  const target =
    dialect === 'postgres' ? `tandem_scale_${process.pid}_${organizations}` : join(dir, 'tandem.db')
  try {
    const seedStarted = performance.now()
    const seeder = child(['seed', dialect, target, String(organizations)])
    const { ws, token } = JSON.parse(await seeder.firstLine) as { ws: string; token: string }
    await once(seeder.process, 'exit')
    const seedSeconds = (performance.now() - seedStarted) / 1000

    const server = child(['serve', dialect, target])
    let stderr = ''
    server.process.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const { port } = JSON.parse(await server.firstLine) as { port: number }
    const base = `http://127.0.0.1:${port}/api/v1/workspaces/${ws}`
    const list = await latencies(`${base}/organizations?limit=50`, token, 300)
    const portfolio = await latencies(`${base}/portfolio`, token, 300)

    const exportSeconds: number[] = []
    const during: number[] = []
    let exportBytes = 0
    for (let r = 0; r < rounds; r++) {
      let done = false
      const reader = (async () => {
        while (!done) during.push(await timed(`${base}/organizations?limit=50`, token))
      })()
      const started = performance.now()
      const response = await fetch(`${base}/export`, {
        headers: { authorization: `Bearer ${token}` },
      })
      let bytes = 0
      for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength
      exportSeconds.push((performance.now() - started) / 1000)
      exportBytes = bytes
      done = true
      await reader
    }
    server.process.kill('SIGTERM')
    await once(server.process, 'exit')
    const rss = /@@maxrss (\d+)/.exec(stderr)
    if (dialect === 'postgres') {
      const pg = await import('pg')
      const client = new pg.default.Client({ connectionString: process.env['BENCH_DATABASE_URL'] })
      await client.connect()
      await client.query(`drop schema if exists "${target}" cascade`)
      await client.end()
    }
    return {
      dialect,
      organizations,
      seedSeconds,
      organizationsPage: { p50: percentile(list, 50), p99: percentile(list, 99) },
      portfolio: { p50: percentile(portfolio, 50), p99: percentile(portfolio, 99) },
      export: spread(exportSeconds),
      exportMb: exportBytes / 1024 / 1024,
      readsDuring: { count: during.length, p99: percentile(during, 99) },
      serverRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchScale(sizes: readonly number[] = [1000, 10_000]): Promise<ScaleRun[]> {
  const dialects: ('sqlite' | 'postgres')[] = ['sqlite']
  if (process.env['BENCH_DATABASE_URL']) dialects.push('postgres')
  const runs: ScaleRun[] = []
  for (const dialect of dialects) {
    for (const size of sizes) {
      const run = await benchScaleOnce(dialect, size)
      console.log(JSON.stringify(run))
      runs.push(run)
    }
  }
  return runs
}
