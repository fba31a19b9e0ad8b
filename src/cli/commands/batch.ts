import type { Command } from 'commander'
import type { ChunkMessage } from '../batch-record.js'
import type { BatchWorkerSetup } from '../batch-worker.js'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { UsageError } from '../../errors/usage-error.js'
import { csvRow } from '../../report/csv-cell.js'
import { fileError, openInput } from '../../io/open-input.js'
import { readCsvRows } from '../../io/read-csv-profiles.js'
import { profileFormatOf, readProfiles } from '../../io/read-profiles.js'
import { ChunkOutcome, processRecord, SUMMARY_QUOTING } from '../batch-record.js'
import { BatchTally, SUMMARY_COLUMNS } from '../batch-summary.js'
import { BatchWorker } from '../batch-worker-pool.js'
import { BufferedWriter } from '../buffered-writer.js'
import { EXIT } from '../exit-codes.js'
import { Progress } from '../progress.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite } from '../write-output.js'

// Refusals echoed on stderr; all of them go to --errors FILE.
const MAX_PRINTED_REFUSALS = 20
// Records per chunk written (and sent to the worker) at once.
const CHUNK_ROWS = 512
const MAX_CHUNKS_IN_FLIGHT = 8
// Below this a worker's start-up costs more than it saves.
const WORKER_MIN_BYTES = 4 * 1024 * 1024

interface BatchOptions {
  readonly out: string
  readonly detail: 'summary' | 'full'
  readonly errors?: string
  readonly playbook?: string
}

/** `tandem batch <file> --out FILE`: many profiles, streamed, results in input order. */
export function registerBatch(program: Command, context: CliContext): void {
  program
    .command('batch')
    .summary('assess many profiles (CSV, NDJSON, YAML, JSON) into NDJSON or CSV')
    .description(
      'Assess every profile of a file, streaming with bounded memory, and write one result per\n' +
        'profile in input order. Refused rows are reported (row or line, field) and skipped; every\n' +
        'valid row is written. Exit code 1 when any row was refused.',
    )
    .argument(
      '<file>',
      'profiles: .csv, .ndjson, .jsonl, .yaml/.yml (multi-document) or .json (array)',
    )
    .requiredOption('-o, --out <file>', 'results file: .ndjson (or .jsonl) or .csv')
    .addOption(
      new Option('-d, --detail <level>', 'summary rows, or whole assessments (NDJSON only)')
        .choices(['summary', 'full'])
        .default('summary'),
    )
    .option('-e, --errors <file>', 'write every refused row as NDJSON {row|line, field, message}')
    .option('-p, --playbook <file>', 'assess with this playbook instead of the shipped default')
    .action(async (file: string, options: BatchOptions) => {
      const refused = await runBatch(file, options, context)
      if (refused > 0) context.setExitCode(EXIT.refused)
    })
}

async function runBatch(file: string, options: BatchOptions, context: CliContext): Promise<number> {
  const output = outputFormatOf(options.out)
  if (options.detail === 'full' && output === 'csv') {
    throw new UsageError('--detail full writes whole assessments: use an .ndjson output file')
  }
  const format = profileFormatOf(file)
  refuseOverwrite(file, [options.out, options.errors])
  // Check the input before creating (truncating) any output file.
  const info = await stat(file).catch((error: unknown) => {
    throw fileError(error, file)
  })
  const playbook = await resolvePlaybook(options.playbook)
  const { stderr } = context.io
  const out = await BufferedWriter.open(options.out)
  const errors = options.errors === undefined ? null : await BufferedWriter.open(options.errors)
  const tally = new BatchTally()
  const progress = new Progress(stderr, context.io.isTTY)
  let printed = 0
  const sink = async (chunk: ChunkMessage): Promise<void> => {
    await out.write(chunk.out)
    if (errors) await errors.write(chunk.errorLines)
    for (const message of chunk.messages) {
      if (printed < MAX_PRINTED_REFUSALS) stderr.write(message)
      printed++
    }
    printed += chunk.messageCount - chunk.messages.length
    tally.merge(chunk)
    progress.update(tally.assessed + tally.refused)
  }
  try {
    if (output === 'csv') await out.write(csvRow(SUMMARY_COLUMNS, SUMMARY_QUOTING))
    if (format === 'csv' && useWorker(info.size, context.io.env)) {
      await assessCsvOnWorker(file, { ...options, output }, sink)
    } else {
      let chunk = new ChunkOutcome(MAX_PRINTED_REFUSALS)
      let size = 0
      for await (const record of readProfiles(file)) {
        chunk.add(processRecord(record, playbook, options.detail, output))
        if (++size === CHUNK_ROWS) {
          await sink(chunk.toMessage())
          chunk = new ChunkOutcome(MAX_PRINTED_REFUSALS)
          size = 0
        }
      }
      await sink(chunk.toMessage())
    }
  } finally {
    progress.done()
    await out.close()
    await errors?.close()
    if (printed > MAX_PRINTED_REFUSALS) {
      const hidden = printed - MAX_PRINTED_REFUSALS
      stderr.write(
        `tandem: ${hidden} more problem(s) not shown${options.errors ? `; all are in ${options.errors}` : '; use --errors FILE to keep them all'}\n`,
      )
    }
    for (const line of tally.lines()) stderr.write(`tandem batch: ${line}\n`)
  }
  return tally.refused
}

/**
 * Large CSV files are assessed on a worker thread while the main thread parses, so both cores work
 * (docs/decisions.md). `TANDEM_BATCH_WORKER=always|never` overrides the size rule.
 */
function useWorker(bytes: number, env: CliContext['io']['env']): boolean {
  const setting = env['TANDEM_BATCH_WORKER']
  if (setting === 'always') return true
  if (setting === 'never') return false
  return bytes >= WORKER_MIN_BYTES
}

/** Parses on this thread, validates and assesses on a worker, writes in input order. */
async function assessCsvOnWorker(
  file: string,
  options: Omit<BatchWorkerSetup, 'source' | 'layout' | 'playbookPath'> & {
    readonly playbook?: string
  },
  sink: (chunk: ChunkMessage) => Promise<void>,
): Promise<void> {
  let worker: BatchWorker | null = null
  const inFlight: Promise<ChunkMessage>[] = []
  try {
    for await (const item of readCsvRows(await openInput(file), file, CHUNK_ROWS)) {
      if ('layout' in item) {
        worker = await BatchWorker.start({
          source: file,
          layout: item.layout,
          playbookPath: options.playbook,
          detail: options.detail,
          output: options.output,
        })
        continue
      }
      if (!worker) continue
      inFlight.push(worker.assess(item))
      // A few chunks ahead of the writer at most: memory stays bounded whatever the file's size.
      while (inFlight.length >= MAX_CHUNKS_IN_FLIGHT) {
        await sink(await (inFlight.shift() as Promise<ChunkMessage>))
      }
    }
  } finally {
    // Chunks read before a syntax error are still assessed and written, as on one thread.
    for (const chunk of inFlight) await sink(await chunk)
    await worker?.stop()
  }
}

function outputFormatOf(path: string): 'ndjson' | 'csv' {
  const extension = extname(path).toLowerCase()
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson'
  if (extension === '.csv') return 'csv'
  throw new UsageError(`cannot tell the output format of "${path}": use .ndjson, .jsonl or .csv`)
}
