import { AppError } from './app-error.js'

/**
 * The API token is valid but its scope does not cover the request: a read-only token on a write,
 * a workspace-restricted token outside its workspace, any token on a session-only route.
 * RFC 6750 §3.1 `insufficient_scope`: 403, not 401, since other credentials would not help.
 */
export class InsufficientScopeError extends AppError {
  override readonly code = 'INSUFFICIENT_SCOPE'
}
