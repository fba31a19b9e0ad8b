import { AppError } from './app-error.js'

/** A workspace with a size limit (a visitor's demo workspace) has no room for another change. */
export class QuotaExceededError extends AppError {
  override readonly code = 'QUOTA_EXCEEDED'
}
