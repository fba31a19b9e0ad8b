// `npm run bench`: the engine and the batch, each against its baseline measured in the same run.
// Prints a table and rewrites the matching section of docs/benchmarks.md. Options:
//   --rows N     rows in the generated batch CSV (default 1,000,000)
//   --skip-batch   no batch figures
//   --skip-startup no CLI start-up figures
//   --skip-scale   no lists/export figures (BENCH_DATABASE_URL adds PostgreSQL to them)
//   --skip-engine  no engine figures
//   --skip-signals no register signals figures
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { benchBatch } from './batch-bench.js'
import { benchScale } from './scale-bench.js'
import { benchStartup } from './startup-bench.js'
import { benchEngine } from './engine-bench.js'
import { benchSignals } from './signals-bench.js'
import { fmt, fmtSpread } from './measure.js'
import { writeBenchmarkSection } from './write-section.js'

const args = process.argv.slice(2)
const rowsArg = args.indexOf('--rows')
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000
const skipBatch = args.includes('--skip-batch')
const skip = (what: string) => args.includes(`--skip-${what}`)

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform}`
const date = new Date().toISOString().slice(0, 16).replace('T', ' ')

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')
console.log(`machine: ${machine}`)
const fmtMs = (s: { median: number; min: number; max: number }) =>
  `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
const fmtRatio = (s: { median: number; min: number; max: number }) =>
  `${s.median.toFixed(1)}× (${s.min.toFixed(1)}–${s.max.toFixed(1)})`

if (!skip('signals')) {
  const loadBefore = load()
  const ops = await benchSignals()
  const signalsLines = [
    `Measured ${date} UTC on ${machine}; load average before the run ${loadBefore}. Median of the rounds, with the range (min–max) in brackets. The machine is shared, so the target is read per CPU second; the wall-clock rate is shown beside it.`,
    '',
    `### Signals (one generated organization: ${fmt(ops.initiatives)} initiatives, ${fmt(ops.meetings)} meetings, ${ops.signals} signals raised; one core)`,
    '',
    '| what | per second | target |',
    '|---|---|---|',
    `| \`signals(operations, playbook, asOf)\`: all nine rules, per CPU second | ${fmtSpread(ops.signalsPerSecond)} | ≥ 1,000 |`,
    `| \`signals(…)\` per wall-clock second | ${fmtSpread(ops.signalsPerWallSecond)} | |`,
    `| \`generateAgenda(operations, playbook, asOf)\`, per CPU second | ${fmtSpread(ops.agendaPerSecond)} | |`,
  ]
  console.log(signalsLines.join('\n'))
  writeBenchmarkSection('signals', `## Register signals\n\n${signalsLines.join('\n')}`)
}

if (!skip('startup')) {
  const loadBefore = load()
  const startup = benchStartup()
  const verdict = (ok: boolean) => (ok ? 'met' : 'not met')
  const section = [
    '## CLI start-up',
    '',
    `Measured ${date} UTC on ${machine}; load average before the run ${loadBefore} (other work on the machine skews every figure). ${startup.rounds} alternating rounds of the three commands below; wall time of the whole process in ms, the median round with the range in brackets; the ratio is each round's time over that round's \`node -e 0\`, median and range.`,
    '',
    '| command | wall ms | ratio to `node -e 0` | target |',
    '|---|---|---|---|',
    `| baseline: \`node -e 0\` | ${fmtMs(startup.nodeMs)} | 1× | |`,
    `| \`tandem --version\` | ${fmtMs(startup.versionMs)} | ${fmtRatio(startup.versionRatio)} | ≤ 2×: ${verdict(startup.versionRatio.median <= 2)} |`,
    `| \`tandem assess examples/fintech-200.yaml --format json\` | ${fmtMs(startup.assessMs)} | ${fmtRatio(startup.assessRatio)} | ≤ 4×: ${verdict(startup.assessRatio.median <= 4)} |`,
  ].join('\n')
  console.log(section)
  writeBenchmarkSection('startup', section)
}

if (!skip('scale')) {
  const loadBefore = load()
  const runs = await benchScale()
  const lines = [
    '## Lists and workspace export at scale',
    '',
    `Measured ${date} UTC on ${machine}; load average before the run ${loadBefore}. One workspace of 1,000 and of 10,000 organizations (3 profile versions, 3 assessments of about 10 KB and a charter each), seeded by one process and served by another (\`bench/scale-server.ts\`, through tsx); the server's peak RSS covers serving only. List latencies: 300 sequential requests after 20 of warm-up. Export: the whole body read over loopback, while one client reads the first page of organizations again and again.`,
    '',
    '| database | organizations | first page of organizations p50 / p99 ms | portfolio p50 / p99 ms | export s (rounds) | export MB | reads during the export: count, p99 ms | server peak RSS MB |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.dialect} | ${r.organizations.toLocaleString('en-US')} | ${r.organizationsPage.p50.toFixed(1)} / ${r.organizationsPage.p99.toFixed(1)} | ${r.portfolio.p50.toFixed(1)} / ${r.portfolio.p99.toFixed(1)} | ${r.export.median.toFixed(2)} (${r.export.min.toFixed(2)}–${r.export.max.toFixed(2)}) | ${r.exportMb.toFixed(0)} | ${r.readsDuring.count}, ${r.readsDuring.p99.toFixed(0)} | ${r.serverRssMb.toFixed(0)} |`,
    ),
    '',
  ]
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const small = runs.find((r) => r.dialect === dialect && r.organizations === 1000)
    const big = runs.find((r) => r.dialect === dialect && r.organizations === 10_000)
    if (!small || !big) continue
    const ratio = big.export.median / small.export.median
    lines.push(
      `${dialect}: export at 10 k takes ${ratio.toFixed(1)}× its time at 1 k (target ≤ 11×: ${ratio <= 11 ? 'met' : 'not met'}); peak RSS ${big.serverRssMb.toFixed(0)} MB (target < 300: ${big.serverRssMb < 300 ? 'met' : 'not met'}); reads during the export p99 ${big.readsDuring.p99.toFixed(0)} ms (target < 200: ${big.readsDuring.p99 < 200 ? 'met' : 'not met'}); first page p99 ${big.organizationsPage.p99.toFixed(1)} ms and portfolio p99 ${big.portfolio.p99.toFixed(1)} ms at 10 k (target < 20: ${big.organizationsPage.p99 < 20 && big.portfolio.p99 < 20 ? 'met' : 'not met'}).`,
      '',
    )
  }
  const section = lines.join('\n')
  console.log(section)
  writeBenchmarkSection('scale', section)
}

if (!skipBatch) {
  const batchLines: string[] = [
    '## Batch',
    '',
    `Measured ${date} UTC on ${machine}; load average before the run ${load()}. Figures are the median of the rounds (alternating with the baseline), with the range (min–max) in brackets.`,
  ]
  for (const size of [100_000, rows]) {
    const batch = await benchBatch(size)
    const ratio = (batch.tandem.rate.median / batch.csvParse.rate.median) * 100
    batchLines.push(
      '',
      `### \`tandem batch\` over a generated ${fmt(batch.rows)}-row CSV, ${batch.fileMb.toFixed(0)} MB, to summary NDJSON; whole process, start-up included`,
      '',
      '| what | rows per second | peak RSS (MB) | target |',
      '|---|---|---|---|',
      `| \`tandem batch\` | ${fmtSpread(batch.tandem.rate)} | ${fmtSpread(batch.tandem.rssMb)} | ≥ 50 % of csv-parse; RSS < 256 MB |`,
      `| baseline: csv-parse alone reading the same file | ${fmtSpread(batch.csvParse.rate)} | ${fmtSpread(batch.csvParse.rssMb)} | |`,
      '',
      `\`tandem batch\` runs at ${ratio.toFixed(0)} % of csv-parse's rate (${ratio >= 50 && batch.tandem.rssMb.max < 256 ? 'met' : 'not met'}).`,
    )
  }
  const section = batchLines.join('\n')
  console.log(section)
  writeBenchmarkSection('batch', section)
}

if (skip('engine')) process.exit(0)
const engine = await benchEngine()
const lines = [
  `Measured ${date} UTC on ${machine}. Figures are the median of the rounds, with the range (min–max) in brackets; every row of a table was measured in the same run.`,
  '',
  `### Engine (${fmt(engine.profiles)} generated profiles, one core; implementations agree on ${engine.agreement})`,
  '',
  '| what | per second | target |',
  '|---|---|---|',
  `| \`recommend()\`: Tandem's playbook-compiled decision table, from a profile | ${fmtSpread(engine.recommend)} | ≥ 1,000,000 |`,
  `| \`assess()\`: full assessment, counterfactuals, roadmap and diagnosis included | ${fmtSpread(engine.assess)} | ≥ 20,000 |`,
  `| baseline: the same table (§4 with budget caps) in json-rules-engine, from precomputed facts | ${fmtSpread(engine.rulesEngine)} | |`,
  `| reference: the same table hand-written in TypeScript, from precomputed facts | ${fmtSpread(engine.handWritten)} | |`,
  '',
  `\`recommend()\` runs at ${(engine.recommend.median / engine.rulesEngine.median).toFixed(0)}× json-rules-engine and ${((engine.recommend.median / engine.handWritten.median) * 100).toFixed(0)} % of the hand-written table.`,
]
console.log(lines.join('\n'))

writeBenchmarkSection('run', `## Engine\n\n${lines.join('\n')}`)
console.log('\nwrote docs/benchmarks.md')
