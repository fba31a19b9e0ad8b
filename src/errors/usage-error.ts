import { AppError } from './app-error.js'

/** A command was called with arguments that cannot work together (a CLI usage error). */
export class UsageError extends AppError {
  override readonly code = 'USAGE'
}
