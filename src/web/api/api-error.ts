/** One field-level problem reported by the server for a 400. */
export interface FieldIssue {
  readonly path: string
  readonly message: string
}

/** A non-2xx answer of the API, with the stable error code the server sent. */
export class ApiError extends Error {
  readonly status: number
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
    return this.status === 409
  }
}

/** A message a person can act on, for any error a page caught. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    // A full demo workspace, or no demo left: the server's message says what to do instead.
    if (error.code === 'QUOTA_EXCEEDED' || error.code === 'DEMO_FULL') return error.message
    if (error.status === 409)
      return 'Someone else changed this in the meantime. Reload to see their version.'
    // A token's scope, not the role, refused it: the server's message says which scope is needed.
    if (error.code === 'INSUFFICIENT_SCOPE') return error.message
    if (error.status === 403) return 'Your role in this workspace does not allow this.'
    if (error.status === 404) return 'This no longer exists, or it is not in this workspace.'
    if (error.status === 429) return 'Too many attempts. Wait a minute and try again.'
    if (error.status >= 500) {
      const ref = error.requestId ? ` (reference ${error.requestId})` : ''
      return `The server could not complete this request${ref}. Try again in a moment.`
    }
    return error.message
  }
  if (error instanceof TypeError)
    return 'The server cannot be reached. Check your connection and try again.'
  return 'Something went wrong. Try again.'
}
