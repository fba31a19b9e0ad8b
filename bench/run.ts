// `npm run bench`: the engine and the batch, each against its baseline measured in the same run.
// Prints a table and rewrites the matching section of docs/benchmarks.md. Options:
//   --rows N     rows in the generated batch CSV (default 1,000,000)
//   --skip-batch only the engine figures
//   --signals-only only the register's signals (its own section)
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { benchBatch } from './batch-bench.js'
import { benchEngine } from './engine-bench.js'
import { benchSignals } from './signals-bench.js'
import { fmt, fmtSpread } from './measure.js'
import { writeBenchmarkSection } from './write-section.js'

const args = process.argv.slice(2)
const rowsArg = args.indexOf('--rows')
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000
const skipBatch = args.includes('--skip-batch')
const signalsOnly = args.includes('--signals-only')

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform}`
const date = new Date().toISOString().slice(0, 16).replace('T', ' ')

console.log(`machine: ${machine}`)
const ops = await benchSignals()
const signalsLines = [
  `Measured ${date} UTC on ${machine}. Median of the rounds, with the range (min–max) in brackets.`,
  '',
  `### Signals (one generated organization: ${fmt(ops.initiatives)} initiatives, ${fmt(ops.meetings)} meetings, ${ops.signals} signals raised; one core)`,
  '',
  '| what | per second | target |',
  '|---|---|---|',
  `| \`signals(operations, playbook, asOf)\`: all nine rules, per CPU second | ${fmtSpread(ops.signalsPerSecond)} | ≥ 1,000 |`,
  `| \`signals(…)\` per wall-clock second (load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the start) | ${fmtSpread(ops.signalsPerWallSecond)} | |`,
  `| \`generateAgenda(operations, playbook, asOf)\`, per CPU second | ${fmtSpread(ops.agendaPerSecond)} | |`,
]
console.log(signalsLines.join('\n'))
writeBenchmarkSection('signals', `## Register signals\n\n${signalsLines.join('\n')}`)
if (signalsOnly) {
  console.log('\nwrote docs/benchmarks.md')
  process.exit(0)
}
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

if (!skipBatch) {
  const batch = await benchBatch(rows)
  const ratio = (batch.tandem.rate.median / batch.csvParse.rate.median) * 100
  const batchLines = [
    '',
    `### Batch (\`tandem batch\` over a generated ${fmt(batch.rows)}-row CSV, ${batch.fileMb.toFixed(0)} MB, to summary NDJSON; whole process, start-up included)`,
    '',
    '| what | rows per second | peak RSS (MB) | target |',
    '|---|---|---|---|',
    `| \`tandem batch\` | ${fmtSpread(batch.tandem.rate)} | ${fmtSpread(batch.tandem.rssMb)} | ≥ 50 % of csv-parse; RSS < 256 MB |`,
    `| baseline: csv-parse alone reading the same file | ${fmtSpread(batch.csvParse.rate)} | ${fmtSpread(batch.csvParse.rssMb)} | |`,
    '',
    `\`tandem batch\` runs at ${ratio.toFixed(0)} % of csv-parse's rate.`,
  ]
  console.log(batchLines.join('\n'))
  lines.push(...batchLines)
}

writeBenchmarkSection('run', `## Engine and batch\n\n${lines.join('\n')}`)
console.log('\nwrote docs/benchmarks.md')
