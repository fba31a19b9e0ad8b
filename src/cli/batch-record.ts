import type { Playbook } from '../engine/compile-playbook.js'
import type { Problem } from '../errors/app-error.js'
import type { ProfileRecord } from '../io/read-profiles.js'
import type { SummaryRow } from './batch-summary.js'
import { assess } from '../engine/assess.js'
import { summarize } from '../engine/summarize.js'
import { formatProblem } from '../errors/app-error.js'
import { csvRow } from '../report/csv-cell.js'
import { SUMMARY_COLUMNS } from './batch-summary.js'

export type BatchDetail = 'summary' | 'full'
export type BatchOutput = 'ndjson' | 'csv'

/** What one input record contributes to the batch's outputs: the same on the main thread or a worker. */
export interface RecordOutcome {
  /** The result line(s), or null for a refused record. */
  readonly out: string | null
  readonly structure: string | null
  readonly antiPatterns: readonly string[]
  /** `--errors` lines, one per problem. */
  readonly errorLines: readonly string[]
  /** Problems as printed on stderr. */
  readonly messages: readonly string[]
}

/** Assesses one record (summary or full) and formats its output, or formats its refusal. */
export function processRecord(
  record: ProfileRecord,
  playbook: Playbook,
  detail: BatchDetail,
  output: BatchOutput,
): RecordOutcome {
  if (record.profile && detail === 'full') {
    const assessment = assess(record.profile, playbook)
    return {
      out: `${JSON.stringify(assessment)}\n`,
      structure: assessment.recommendation.structure,
      antiPatterns: assessment.antiPatterns.map((finding) => finding.id),
      errorLines: [],
      messages: [],
    }
  }
  if (record.profile) {
    // The summary row needs no explanations, counterfactuals or roadmap: the engine's summarize()
    // gives the same structure, levels and anti-patterns several times faster than assess().
    const summary = summarize(record.profile, playbook)
    return {
      out: formatSummary(summary, output),
      structure: summary.structure,
      antiPatterns: summary.antiPatterns,
      errorLines: [],
      messages: [],
    }
  }
  const problems = record.problems ?? []
  return {
    out: null,
    structure: null,
    antiPatterns: [],
    errorLines: problems.map((problem) => errorLine(record, problem)),
    messages: problems.map((problem) => `tandem: refused ${formatProblem(problem)}\n`),
  }
}

/** Batch summaries quote every cell, as they always have: readers of the file rely on it. */
export const SUMMARY_QUOTING = { quoting: 'always' } as const

function formatSummary(row: SummaryRow, output: BatchOutput): string {
  if (output === 'ndjson') return `${JSON.stringify(row)}\n`
  return csvRow(
    SUMMARY_COLUMNS.map((column) => {
      const value = row[column]
      return typeof value === 'string' ? value : value.join(';')
    }),
    SUMMARY_QUOTING,
  )
}

function errorLine(record: ProfileRecord, problem: Problem): string {
  const where =
    problem.row !== undefined || record.row !== undefined
      ? { row: problem.row ?? record.row }
      : { line: problem.line ?? record.line ?? null }
  return `${JSON.stringify({ ...where, field: problem.field ?? null, message: problem.message })}\n`
}

/** A chunk's outcomes gathered into a few strings and counts: cheap to pass between threads. */
export interface ChunkMessage {
  readonly out: string
  readonly errorLines: string
  /** The first stderr messages of the chunk, and how many there were in all. */
  readonly messages: readonly string[]
  readonly messageCount: number
  readonly assessed: number
  readonly refused: number
  readonly structures: Readonly<Record<string, number>>
  readonly antiPatterns: Readonly<Record<string, number>>
}

/** Gathers record outcomes into one `ChunkMessage`. */
export class ChunkOutcome {
  #out = ''
  #errorLines = ''
  readonly #messages: string[] = []
  #messageCount = 0
  #assessed = 0
  #refused = 0
  readonly #structures: Record<string, number> = {}
  readonly #antiPatterns: Record<string, number> = {}

  constructor(readonly maxMessages = 20) {}

  add(outcome: RecordOutcome): void {
    if (outcome.out !== null && outcome.structure !== null) {
      this.#out += outcome.out
      this.#assessed++
      this.#structures[outcome.structure] = (this.#structures[outcome.structure] ?? 0) + 1
      for (const id of outcome.antiPatterns)
        this.#antiPatterns[id] = (this.#antiPatterns[id] ?? 0) + 1
      return
    }
    this.#refused++
    this.#errorLines += outcome.errorLines.join('')
    for (const message of outcome.messages) {
      if (this.#messages.length < this.maxMessages) this.#messages.push(message)
      this.#messageCount++
    }
  }

  toMessage(): ChunkMessage {
    return {
      out: this.#out,
      errorLines: this.#errorLines,
      messages: this.#messages,
      messageCount: this.#messageCount,
      assessed: this.#assessed,
      refused: this.#refused,
      structures: this.#structures,
      antiPatterns: this.#antiPatterns,
    }
  }
}
