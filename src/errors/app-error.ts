// Errors of the adapters (io, store, server, cli). The engine returns problems as data instead.
// Every code is listed here once; the server maps codes to HTTP statuses, the CLI to exit codes.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_PLAYBOOK',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INSUFFICIENT_SCOPE',
  'RATE_LIMITED',
  'DEMO_FULL',
  'QUOTA_EXCEEDED',
  'IO_ERROR',
  'USAGE',
  // A stage move the register refuses (operate.md §1; the engine's planMove names each missing item).
  'GATE_NOT_MET',
  'MOVE_NOT_ALLOWED',
  'FORCE_NOT_ALLOWED',
  'REASON_REQUIRED',
  'ACKNOWLEDGEMENT_REQUIRED',
  'PROHIBITED_USE_CASE',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One problem inside a document: where (file, line or row, field) and what was expected. */
export interface Problem {
  readonly file?: string
  readonly line?: number
  readonly row?: number
  readonly field?: string
  readonly message: string
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode
  readonly problems: readonly Problem[]

  constructor(message: string, options: { problems?: readonly Problem[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.problems = options.problems ?? []
  }
}

/** `file:line field: message`, the one way a problem is printed. */
export function formatProblem(problem: Problem): string {
  const where = [
    problem.file,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
    problem.row !== undefined ? `row ${problem.row}` : undefined,
  ]
    .filter(Boolean)
    .join(', ')
  const field = problem.field ? `${problem.field}: ` : ''
  return `${where ? `${where}: ` : ''}${field}${problem.message}`
}
