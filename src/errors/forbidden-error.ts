import { AppError } from './app-error.js'

export class ForbiddenError extends AppError {
  override readonly code = 'FORBIDDEN'
}
