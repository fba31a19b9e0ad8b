import { QUESTION_IDS } from '../engine/vocabulary.js'

/** The columns of a summary row, in order: the CSV header and the NDJSON keys. */
export const SUMMARY_COLUMNS = ['name', 'structure', ...QUESTION_IDS, 'antiPatterns'] as const

/** One line per profile: name, structure, the five levels, anti-pattern ids. */
export type SummaryRow = Readonly<
  Record<(typeof SUMMARY_COLUMNS)[number], string | readonly string[]>
>

/** Counts that the closing summary prints. */
export class BatchTally {
  assessed = 0
  refused = 0
  readonly #structures = new Map<string, number>()
  readonly #antiPatterns = new Map<string, number>()

  /** Adds a chunk's counts (see `ChunkOutcome`). */
  merge(chunk: {
    readonly assessed: number
    readonly refused: number
    readonly structures: Readonly<Record<string, number>>
    readonly antiPatterns: Readonly<Record<string, number>>
  }): void {
    this.assessed += chunk.assessed
    this.refused += chunk.refused
    for (const [key, count] of Object.entries(chunk.structures))
      increment(this.#structures, key, count)
    for (const [key, count] of Object.entries(chunk.antiPatterns))
      increment(this.#antiPatterns, key, count)
  }

  /** The closing lines: profiles per structure, anti-patterns found, rows refused. */
  lines(): string[] {
    return [
      `${this.assessed} profile(s) assessed, ${this.refused} refused`,
      `structures: ${formatCounts(this.#structures)}`,
      `anti-patterns: ${formatCounts(this.#antiPatterns)}`,
    ]
  }
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by)
}

// Most frequent first, then by id, so the output is stable.
function formatCounts(counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return 'none'
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ')
}
