import type { Problem } from './app-error.js'
import { AppError } from './app-error.js'

export class InvalidPlaybookError extends AppError {
  override readonly code = 'INVALID_PLAYBOOK'

  constructor(message: string, problems: readonly Problem[] = [], cause?: unknown) {
    super(message, { problems, cause })
  }
}
