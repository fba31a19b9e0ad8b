import type { ErrorCode } from '../contract/error-codes.js'
import type { Problem } from '../contract/issue.js'

// Errors of the adapters (io, store, server, cli). The engine returns problems as data instead.
// Every code, its HTTP status and its exit code are in src/contract/error-codes.ts.

export { ERROR_CODES } from '../contract/error-codes.js'
export type { ErrorCode } from '../contract/error-codes.js'
export type { Problem } from '../contract/issue.js'

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode
  readonly problems: readonly Problem[]

  constructor(message: string, options: { problems?: readonly Problem[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.problems = options.problems ?? []
  }

  /** The message for someone outside the process (an API client); the same unless overridden. */
  get publicMessage(): string {
    return this.message
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
