import { AppError } from './app-error.js'

/** A write lost a race or broke a uniqueness rule: a stale `expectedVersion`, a taken name. */
export class ConflictError extends AppError {
  override readonly code = 'CONFLICT'

  constructor(message: string, cause?: unknown) {
    super(message, { cause })
  }

  /** The stale-write case of optimistic concurrency. */
  static stale(kind: string, id: string, expected: number, actual: number): ConflictError {
    return new ConflictError(
      `${kind} "${id}" is at version ${actual}, not ${expected}; reload and retry`,
    )
  }
}
