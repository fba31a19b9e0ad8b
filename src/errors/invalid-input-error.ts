import type { Problem } from './app-error.js'
import { AppError } from './app-error.js'

export class InvalidInputError extends AppError {
  override readonly code = 'INVALID_INPUT'

  constructor(message: string, problems: readonly Problem[] = [], cause?: unknown) {
    super(message, { problems, cause })
  }
}
