import { AppError } from './app-error.js'

/** The named thing does not exist, or not in the caller's workspace (the two are not told apart). */
export class NotFoundError extends AppError {
  override readonly code = 'NOT_FOUND'

  constructor(kind: string, id: string, cause?: unknown) {
    super(`${kind} "${id}" does not exist`, { cause })
  }
}
