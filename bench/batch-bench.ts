import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { CSV_HEADER, csvLine, generateRow, random } from './generate-profiles.js'
import { spread } from './measure.js'
import type { Spread } from './measure.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const outDir = `${root}bench/.out`

export interface ChildRun {
  readonly seconds: number
  readonly maxRssMb: number
}

export interface BatchResults {
  readonly rows: number
  readonly fileMb: number
  readonly tandem: { readonly rate: Spread; readonly rssMb: Spread }
  readonly csvParse: { readonly rate: Spread; readonly rssMb: Spread }
}

/** Writes the generated CSV once; later runs reuse it. */
async function ensureCsv(rows: number): Promise<string> {
  mkdirSync(outDir, { recursive: true })
  const path = `${outDir}/profiles-${rows}.csv`
  if (existsSync(path)) return path
  const out = createWriteStream(path)
  const next = random(7)
  out.write(`${CSV_HEADER}\n`)
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${csvLine(generateRow(next, i))}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return path
}

/** Runs a node child, timing it and reading its peak RSS. */
function runChild(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', `${root}bench/report-rss.mjs`, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000
      const rss = /@@maxrss (\d+)/.exec(stderr)
      if (code !== 0 || !rss) {
        reject(new Error(`child ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`))
        return
      }
      resolve({ seconds, maxRssMb: Number(rss[1]) / 1024 })
    })
  })
}

/** `tandem batch` over a generated CSV to summary NDJSON, against csv-parse alone, alternating runs. */
export async function benchBatch(rows = 1_000_000, runs = 2): Promise<BatchResults> {
  const csv = await ensureCsv(rows)
  const tandem: ChildRun[] = []
  const baseline: ChildRun[] = []
  for (let i = 0; i < runs; i++) {
    baseline.push(await runChild([`${root}bench/csv-parse-only.mjs`, csv]))
    tandem.push(
      await runChild([`${root}bin/tandem`, 'batch', csv, '--out', `${outDir}/summary.ndjson`]),
    )
  }
  const summarize = (r: ChildRun[]) => ({
    rate: spread(r.map((x) => rows / x.seconds)),
    rssMb: spread(r.map((x) => x.maxRssMb)),
  })
  return {
    rows,
    fileMb: statSync(csv).size / 1024 / 1024,
    tandem: summarize(tandem),
    csvParse: summarize(baseline),
  }
}
