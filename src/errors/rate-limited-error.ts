import { AppError } from './app-error.js'

export class RateLimitedError extends AppError {
  override readonly code = 'RATE_LIMITED'
  /** Seconds after which a retry may succeed. */
  readonly retryAfter: number

  constructor(message: string, retryAfter: number) {
    super(message)
    this.retryAfter = retryAfter
  }
}
