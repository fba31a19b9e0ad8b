import { AppError } from './app-error.js'

/** The named thing does not exist, or not in the caller's workspace (the two are not told apart). */
export class NotFoundError extends AppError {
  override readonly code = 'NOT_FOUND'
  /** What was looked for, e.g. `organization`. */
  readonly kind: string

  constructor(kind: string, id: string, cause?: unknown) {
    super(`${kind} "${id}" does not exist`, { cause })
    this.kind = kind
  }

  // The API does not echo the id it was asked for: a response must never carry another
  // workspace's ids, not even the caller's own guess (reliability.md §A canary sweep).
  override get publicMessage(): string {
    return `${this.kind} does not exist`
  }
}
