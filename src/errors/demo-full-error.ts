import { AppError } from './app-error.js'

/** Every private demo workspace the server allows is in use; a new visitor must wait. */
export class DemoFullError extends AppError {
  override readonly code = 'DEMO_FULL'
}
