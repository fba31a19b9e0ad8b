import type { Command } from 'commander'
import type { Problem } from '../../errors/app-error.js'
import type { ProfileRecord } from '../../io/read-profiles.js'
import type { SummaryRow } from '../batch-summary.js'
import type { CliContext } from '../context.js'
import { Option } from 'commander'
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { assess } from '../../engine/assess.js'
import { summarize } from '../../engine/summarize.js'
import { formatProblem } from '../../errors/app-error.js'
import { UsageError } from '../../errors/usage-error.js'
import { csvRow } from '../../io/csv-cell.js'
import { fileError } from '../../io/open-input.js'
import { profileFormatOf, readProfiles } from '../../io/read-profiles.js'
import { BatchTally, SUMMARY_COLUMNS } from '../batch-summary.js'
import { BufferedWriter } from '../buffered-writer.js'
import { EXIT } from '../exit-codes.js'
import { Progress } from '../progress.js'
import { resolvePlaybook } from '../resolve-playbook.js'
import { refuseOverwrite } from '../write-output.js'

// Refusals echoed on stderr; all of them go to --errors FILE.
const MAX_PRINTED_REFUSALS = 20

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
  profileFormatOf(file)
  refuseOverwrite(file, [options.out, options.errors])
  // Check the input before creating (truncating) any output file.
  await stat(file).catch((error: unknown) => {
    throw fileError(error, file)
  })
  const playbook = await resolvePlaybook(options.playbook)
  const { stderr } = context.io
  const out = await BufferedWriter.open(options.out)
  const errors = options.errors === undefined ? null : await BufferedWriter.open(options.errors)
  const tally = new BatchTally()
  const progress = new Progress(stderr, context.io.isTTY)
  let printed = 0
  try {
    if (output === 'csv') await out.write(csvRow(SUMMARY_COLUMNS))
    for await (const record of readProfiles(file)) {
      if (record.profile && options.detail === 'full') {
        const assessment = assess(record.profile, playbook)
        tally.add(
          assessment.recommendation.structure,
          assessment.antiPatterns.map((finding) => finding.id),
        )
        await out.write(`${JSON.stringify(assessment)}\n`)
      } else if (record.profile) {
        // The summary row needs no explanations, counterfactuals or roadmap: the engine's summarize()
        // gives the same structure, levels and anti-patterns several times faster than assess().
        const summary = summarize(record.profile, playbook)
        tally.add(summary.structure, summary.antiPatterns)
        await out.write(formatSummary(summary, output))
      } else {
        tally.refused++
        const problems = record.problems ?? []
        if (errors) for (const problem of problems) await errors.write(errorLine(record, problem))
        for (const problem of problems) {
          if (printed++ < MAX_PRINTED_REFUSALS)
            stderr.write(`tandem: refused ${formatProblem(problem)}\n`)
        }
      }
      progress.update(tally.assessed + tally.refused)
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

function outputFormatOf(path: string): 'ndjson' | 'csv' {
  const extension = extname(path).toLowerCase()
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson'
  if (extension === '.csv') return 'csv'
  throw new UsageError(`cannot tell the output format of "${path}": use .ndjson, .jsonl or .csv`)
}

function formatSummary(row: SummaryRow, output: 'ndjson' | 'csv'): string {
  if (output === 'ndjson') return `${JSON.stringify(row)}\n`
  return csvRow(
    SUMMARY_COLUMNS.map((column) => {
      const value = row[column]
      return typeof value === 'string' ? value : value.join(';')
    }),
  )
}

function errorLine(record: ProfileRecord, problem: Problem): string {
  const where =
    problem.row !== undefined || record.row !== undefined
      ? { row: problem.row ?? record.row }
      : { line: problem.line ?? record.line ?? null }
  return `${JSON.stringify({ ...where, field: problem.field ?? null, message: problem.message })}\n`
}
