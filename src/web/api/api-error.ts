import type { ApiIssue } from '../../contract/issue.js'
import { ERRORS } from '../../contract/error-codes.js'

/** One field-level problem reported by the server for a 400: its code, path and message. */
export type FieldIssue = ApiIssue

/** A non-2xx answer of the API, with the stable error code the server sent. */
export class ApiError extends Error {
  readonly status: number
  /** One of the contract's error codes (src/contract/error-codes.ts); `HTTP_<status>` without one. */
  readonly code: string
  readonly issues: readonly FieldIssue[]
  readonly requestId: string | null

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly FieldIssue[] = [],
    requestId: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = issues
    this.requestId = requestId
  }

  get isConflict(): boolean {
    return this.code === 'CONFLICT'
  }
}

/** True when `error` is an ApiError with this code: the app branches on codes, never on statuses. */
export function hasCode(error: unknown, code: keyof typeof ERRORS): error is ApiError {
  return error instanceof ApiError && error.code === code
}

/** A message a person can act on, for any error a page caught. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      // A full demo workspace, or no demo left: the server's message says what to do instead.
      case 'QUOTA_EXCEEDED':
      case 'DEMO_FULL':
        return error.message
      case 'CONFLICT':
        return 'Someone else changed this in the meantime. Reload to see their version.'
      // A token's scope, not the role, refused it: the server's message says which scope is needed.
      case 'INSUFFICIENT_SCOPE':
        return error.message
      case 'FORBIDDEN':
        return 'Your role in this workspace does not allow this.'
      case 'NOT_FOUND':
        return 'This no longer exists, or it is not in this workspace.'
      case 'RATE_LIMITED':
        return 'Too many attempts. Wait a minute and try again.'
      case 'INTERNAL':
      case 'IO_ERROR':
        return serverFailure(error)
    }
    // A gateway in front of the server answered, not Tandem: no code of ours in the body.
    return error.code in ERRORS ? error.message : serverFailure(error)
  }
  if (error instanceof TypeError)
    return 'The server cannot be reached. Check your connection and try again.'
  return 'Something went wrong. Try again.'
}

function serverFailure(error: ApiError): string {
  const ref = error.requestId ? ` (reference ${error.requestId})` : ''
  return `The server could not complete this request${ref}. Try again in a moment.`
}
