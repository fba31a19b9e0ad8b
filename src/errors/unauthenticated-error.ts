import { AppError } from './app-error.js'

export class UnauthenticatedError extends AppError {
  override readonly code = 'UNAUTHENTICATED'

  constructor(message = 'sign in or send an API token to use this route') {
    super(message)
  }
}
