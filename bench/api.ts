// `npm run bench:api`: HTTP API throughput and latency on loopback (reliability.md §E, issue 3 §9).
// 1. POST /api/v1/assess against a bare Fastify route returning the same precomputed assessment
//    (and, for reference, the same bytes serialized in advance), in alternating rounds of one run.
// 2. Mixed authenticated load (70 % reads, 20 % updates, 10 % creates) on 200 workspaces × 50
//    organizations, on SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL.
// Every run is bounded (BENCH_SECONDS, default 10) and talks to 127.0.0.1 only. BENCH_ROUNDS (default
// 9) sets the alternating rounds of part 1; BENCH_LOAD_SHARE (default 0.7) the share of the calibrated
// capacity that part 2 offers. `npm run bench:api -- assess` (or `mixed`) runs one part alone.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import autocannon from 'autocannon'
import { build } from 'esbuild'
import { spread } from './measure.js'
import { writeBenchmarkSection } from './write-section.js'

// Built once, on first use (see bundleServer).
let serverBundle: Promise<string> | undefined

interface Tenant {
  readonly ws: string
  readonly token: string
  readonly orgs: readonly string[]
}
interface UpdateTarget {
  readonly ws: string
  readonly token: string
  readonly org: string
}
interface Ready {
  readonly apiPort: number
  readonly barePort?: number
  readonly bytes?: number
  readonly profile: Record<string, unknown>
  readonly tenants?: readonly Tenant[]
}
interface Figures {
  readonly requests: number
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly errors: number
}

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10)
const CONNECTIONS = 10
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 9)
const CALIBRATION_SECONDS = 3
// The share of the calibrated capacity the mixed load offers (docs/decisions.md, "The mixed load's rate").
const LOAD_SHARE = Number(process.env['BENCH_LOAD_SHARE'] ?? 0.7)
const WORKSPACES = Number(process.env['BENCH_WORKSPACES'] ?? 200)
const PER_WORKSPACE = Number(process.env['BENCH_ORGANIZATIONS'] ?? 50)
const pgUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL']

const lines: string[] = []
const say = (line: string) => {
  lines.push(line)
  process.stdout.write(`${line}\n`)
}

say(`# API benchmarks`)
say('')
say(
  `Run ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}),`,
)
say(
  `load generator (autocannon) on the same machine, loopback only, ${SECONDS} s per run, ${CONNECTIONS} connections;`,
)
say(
  `load average before the run ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')} (other work on the machine skews every figure).`,
)
say('')

// `npm run bench:api -- assess` (or `mixed`) runs one part and prints it without touching the docs.
const only = process.argv[2]
if (only !== undefined && only !== 'assess' && only !== 'mixed') {
  process.stderr.write(`bench:api: unknown part "${only}"; expected assess or mixed\n`)
  process.exit(2)
}
if (only !== 'mixed') await assessVersusBare()
if (only !== 'assess') {
  await mixed('sqlite')
  if (pgUrl) await mixed('postgres')
  else say('\nPostgreSQL mixed load skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).')
}
if (only === undefined) {
  writeBenchmarkSection('api', lines.join('\n').replace(/^# API benchmarks/, '## API'))
  process.stdout.write('\nwritten to docs/benchmarks.md\n')
}

async function assessVersusBare(): Promise<void> {
  const { child, ready } = await startServer(['assess', 'sqlite'])
  try {
    const body = JSON.stringify(ready.profile)
    const post = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body }
    const routes = [
      {
        label: 'POST /api/v1/assess (parse, validate, assess, rate limit, serialize)',
        port: ready.apiPort,
        path: '/api/v1/assess',
      },
      {
        label: 'baseline: bare Fastify route returning the precomputed assessment',
        port: ready.barePort ?? 0,
        path: '/bare',
      },
      {
        label: 'reference: bare Fastify route sending the assessment serialized in advance',
        port: ready.barePort ?? 0,
        path: '/bare-bytes',
      },
    ]
    // Warm-up, so JIT and caches do not favour whichever runs second.
    for (const route of routes) {
      await load({ url: `http://127.0.0.1:${route.port}${route.path}`, ...post, duration: 2 })
    }
    // Rounds alternate between the routes so that drift in the machine's load hits all of them alike;
    // each round's ratio compares runs a few seconds apart.
    const rounds = routes.map(() => [] as Figures[])
    const cpu = routes.map(() => [] as number[])
    const perRun = Math.max(2, Math.round(SECONDS * 0.3))
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, route] of routes.entries()) {
        const before = cpuMilliseconds(child.pid)
        const figures = await load({
          url: `http://127.0.0.1:${route.port}${route.path}`,
          ...post,
          duration: perRun,
        })
        const after = cpuMilliseconds(child.pid)
        rounds[i]?.push(figures)
        if (before !== null && after !== null && figures.requests > 0) {
          cpu[i]?.push(((after - before) * 1000) / figures.requests)
        }
      }
    }
    const summaries = rounds.map(summarize)
    const ratios = spread(ratiosByRound(rounds[0] ?? [], rounds[1] ?? []))
    const ratio = ratios.median
    const byteRatio = spread(ratiosByRound(rounds[0] ?? [], rounds[2] ?? [])).median
    say(`## POST /api/v1/assess vs a bare Fastify route (same ${ready.bytes ?? 0}-byte assessment)`)
    say('')
    say(
      `${ROUNDS} rounds of ${perRun} s per route, alternating; req/s is the median round with the range ` +
        "in brackets; server CPU is the server process's user + system time per request (median round).",
    )
    say('')
    say('| route | req/s | p50 ms | p99 ms | errors | server CPU µs/request |')
    say('|---|---|---|---|---|---|')
    for (const [i, route] of routes.entries()) {
      const figures = summaries[i]
      const perRequest = cpu[i]?.length ? spread(cpu[i] ?? []).median.toFixed(0) : 'n/a'
      if (figures) say(`${spreadRow(route.label, figures)} ${perRequest} |`)
    }
    say('')
    say(
      `Ratio, the median of the ${ROUNDS} rounds' ratios: **${percent(ratio)}** of the bare route ` +
        `(rounds ${percent(ratios.min)}–${percent(ratios.max)}; target ≥ 60 %): ` +
        `${ratio >= 0.6 ? 'met' : 'NOT met'}. Against the reference that skips serialization as well: ` +
        `${percent(byteRatio)} (docs/decisions.md, "The assess benchmark's baselines").`,
    )
    say('')
  } finally {
    await stop(child)
  }
}

/** A route's median round, with the range of req/s over its rounds and the errors of all of them. */
interface RoundSummary extends Figures {
  readonly min: number
  readonly max: number
}

/** Each round's req/s of `a` over that of `b`. */
function ratiosByRound(a: readonly Figures[], b: readonly Figures[]): number[] {
  return a.map((f, i) => f.rps / (b[i]?.rps ?? Number.NaN))
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)} %`
}

/**
 * CPU time (user + system) a process has used, in ms, from Linux's /proc (USER_HZ = 100 ticks a
 * second); null elsewhere.
 */
function cpuMilliseconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null
  // Fields after the command name, which ends with ") ": utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** The median round by req/s, with the range of req/s over the rounds. */
function summarize(figures: readonly Figures[]): RoundSummary {
  const sorted = [...figures].sort((a, b) => a.rps - b.rps)
  const median = sorted[Math.floor(sorted.length / 2)]
  if (!median) throw new Error('no rounds')
  return {
    ...median,
    errors: figures.reduce((sum, f) => sum + f.errors, 0),
    min: sorted[0]?.rps ?? median.rps,
    max: sorted.at(-1)?.rps ?? median.rps,
  }
}

function spreadRow(label: string, f: RoundSummary): string {
  return `| ${label} | ${f.rps.toFixed(0)} (${f.min.toFixed(0)}–${f.max.toFixed(0)}) | ${f.p50} | ${f.p99} | ${f.errors} |`
}

async function mixed(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const started = Date.now()
  const { child, ready } = await startServer([
    'mixed',
    dialect,
    String(WORKSPACES),
    String(PER_WORKSPACE),
  ])
  const seedSeconds = (Date.now() - started) / 1000
  try {
    const tenants = ready.tenants ?? []
    const base = `http://127.0.0.1:${ready.apiPort}`
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T
    const updateTargets = tenants.flatMap((t) =>
      t.orgs.map((org) => ({ ws: t.ws, token: t.token, org })),
    )
    const versions = new Map<string, number>()
    let nextUpdate = 0
    // Updates whose answer never came (cut off when a run ended): their version is unknown, so
    // those organizations are left out of later runs rather than sent a stale version.
    const inFlight = new Set<string>()
    let targets: readonly UpdateTarget[] = updateTargets
    // Reads, updates and creates run at the same time, each kind on its own connections.
    // `rates` paces each kind (autocannon's overallRate); without it every connection goes flat out.
    const run = (
      duration: number,
      connections: readonly [number, number, number],
      rates?: readonly [number, number, number],
    ) => {
      const kind = (i: 0 | 1 | 2, request: autocannon.Request) =>
        load({
          url: base,
          connections: connections[i],
          duration,
          ...(rates ? { overallRate: rates[i] } : {}),
          requests: [request],
        })
      return Promise.all([
        kind(0, {
          setupRequest: (request) => {
            const tenant = pick(tenants)
            const path =
              Math.random() < 0.5
                ? `/api/v1/workspaces/${tenant.ws}/organizations?limit=20&offset=${Math.floor(Math.random() * 30)}`
                : `/api/v1/workspaces/${tenant.ws}/organizations/${pick(tenant.orgs)}`
            return {
              ...request,
              method: 'GET',
              path,
              headers: { authorization: `Bearer ${tenant.token}` },
            }
          },
        }),
        kind(1, {
          // Organizations are edited round-robin with their tracked version, so two connections
          // never race on one (a 409 would count as an error here). autocannon resets its
          // per-connection context after each pass, so the versions live here.
          setupRequest: (request) => {
            const target = targets[nextUpdate++ % targets.length] as UpdateTarget
            inFlight.add(target.org)
            return {
              ...request,
              method: 'PUT',
              path: `/api/v1/workspaces/${target.ws}/organizations/${target.org}/profile`,
              headers: {
                authorization: `Bearer ${target.token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                profile: {
                  ...ready.profile,
                  employees: Number(ready.profile['employees']) + 1,
                },
                expectedVersion: versions.get(target.org) ?? 1,
              }),
            }
          },
          onResponse: (status, body) => {
            if (status !== 200) return
            const saved = JSON.parse(body) as { id: string; profileVersion: number }
            versions.set(saved.id, saved.profileVersion)
            inFlight.delete(saved.id)
          },
        }),
        kind(2, {
          setupRequest: (request) => {
            const tenant = pick(tenants)
            return {
              ...request,
              method: 'POST',
              path: `/api/v1/workspaces/${tenant.ws}/organizations`,
              headers: {
                authorization: `Bearer ${tenant.token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                profile: { ...ready.profile, name: `Created ${Math.random()}` },
              }),
            }
          },
        }),
      ])
    }
    // reliability.md §E asks for 70 % reads, 20 % updates, 10 % creates. Flat out, the mix would
    // follow each kind's latency (writes are slower), so a short calibration run finds what the
    // server sustains, and the measured run offers LOAD_SHARE of that in exactly those proportions.
    const calibration = await run(CALIBRATION_SECONDS, [7, 2, 1])
    const capacity = calibration.reduce((sum, f) => sum + f.requests, 0) / CALIBRATION_SECONDS
    targets = targets.filter((target) => !inFlight.has(target.org))
    inFlight.clear()
    const offered = Math.max(10, Math.floor(capacity * LOAD_SHARE))
    const rates = [0.7, 0.2, 0.1].map((share) => Math.max(1, Math.round(offered * share))) as [
      number,
      number,
      number,
    ]
    const [reads, updates, creates] = await run(SECONDS, [14, 4, 2], rates)
    const total = reads.requests + updates.requests + creates.requests
    say(
      `## Mixed authenticated load on ${dialect === 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL'}`,
    )
    say('')
    say(
      `${tenants.length} workspaces × ${PER_WORKSPACE} organizations seeded in ${seedSeconds.toFixed(0)} s; each workspace read and written with its own owner's API token. ` +
        `A ${CALIBRATION_SECONDS} s calibration run flat out sustained ${capacity.toFixed(0)} req/s; the measured ${SECONDS} s run offered ${(LOAD_SHARE * 100).toFixed(0)} % of it, ` +
        `${rates.join(' / ')} req/s of reads / updates / creates.`,
    )
    say('')
    say('| kind | share | req/s | p50 ms | p99 ms | errors + timeouts | target p99 |')
    say('|---|---|---|---|---|---|---|')
    say(mixedRow('reads (list page, one organization)', reads, total, 200))
    say(mixedRow('updates (new profile version)', updates, total, 500))
    say(mixedRow('creates (new organization)', creates, total, 500))
    const errors = reads.errors + updates.errors + creates.errors
    const met = errors === 0 && reads.p99 < 200 && updates.p99 < 500 && creates.p99 < 500
    say('')
    say(
      `Total ${(total / SECONDS).toFixed(0)} req/s; errors ${errors}; targets (0 errors, reads p99 < 200 ms, writes p99 < 500 ms): ${met ? 'met' : 'NOT met'}.`,
    )
    say('')
  } finally {
    await stop(child)
  }
}

function load(options: autocannon.Options): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, timeout: 10, ...options }, (error, result) => {
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
        return
      }
      resolve({
        requests: result.requests.total,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      })
    })
  })
}

function mixedRow(label: string, f: Figures, total: number, target: number): string {
  return `| ${label} | ${((f.requests / total) * 100).toFixed(0)} % | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors} | < ${target} ms |`
}

/**
 * The server under load runs as plain JavaScript, as users run it: tsx's transform wraps every closure
 * in a naming helper, which made the engine several times slower (docs/decisions.md).
 */
async function bundleServer(): Promise<string> {
  mkdirSync('bench/.out', { recursive: true })
  const outfile = 'bench/.out/api-server.mjs'
  await build({
    entryPoints: ['bench/api-server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  })
  // The bundle reads the password list beside itself.
  copyFileSync('src/server/auth/common-passwords.txt', 'bench/.out/common-passwords.txt')
  return outfile
}

async function startServer(
  args: readonly string[],
): Promise<{ child: ChildProcess; ready: Ready }> {
  serverBundle ??= bundleServer()
  const child = spawn(process.execPath, [await serverBundle, ...args], {
    env: { ...process.env, ...(pgUrl ? { BENCH_DATABASE_URL: pgUrl } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const newline = output.indexOf('\n')
      if (newline >= 0) resolve(JSON.parse(output.slice(0, newline)) as Ready)
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return { child, ready }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
