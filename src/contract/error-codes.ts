// Every error code of Tandem, defined once with what it means, the HTTP status the API answers with
// and the exit code the CLI ends with (style.md "How an error looks here"; Fastify keeps its error
// codes in one file the same way). docs/errors.md is generated from this table
// (scripts/write-error-docs.ts); a test fails when the page is stale.

/** The CLI's exit codes, documented in docs/cli.md: scripts depend on them, never renumber. */
export const EXIT = {
  ok: 0,
  /** A batch finished, but some records were refused. */
  refused: 1,
  usage: 2,
  invalidInput: 3,
  /** A file was not found, could not be read or written, or was too large. */
  unreadable: 4,
  internal: 70,
} as const

/** The codes an adapter error (an `AppError`) can carry. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_PLAYBOOK',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INSUFFICIENT_SCOPE',
  'RATE_LIMITED',
  'DEMO_FULL',
  'QUOTA_EXCEEDED',
  'IO_ERROR',
  'USAGE',
  // A stage move the initiative register refuses; the engine's planMove names each missing item.
  'GATE_NOT_MET',
  'MOVE_NOT_ALLOWED',
  'FORCE_NOT_ALLOWED',
  'REASON_REQUIRED',
  'ACKNOWLEDGEMENT_REQUIRED',
  'PROHIBITED_USE_CASE',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What the API answers for a bug: the code of no `AppError`, never with a message or stack. */
export const INTERNAL = 'INTERNAL'
/** Every code an API error body can carry. */
export const API_ERROR_CODES = [...ERROR_CODES, INTERNAL] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ErrorSpec {
  /** The HTTP status of the API's error body with this code. */
  readonly status: number
  /** The exit code of the CLI; codes only the server raises end a CLI run as a bug would. */
  readonly exit: number
  /** When the code is used, in a sentence. */
  readonly meaning: string
}

export const ERRORS: Readonly<Record<ApiErrorCode, ErrorSpec>> = {
  INVALID_INPUT: {
    status: 400,
    exit: EXIT.invalidInput,
    meaning:
      'The input does not match its schema or a rule of the framework; `issues` lists each problem with its code and path.',
  },
  INVALID_PLAYBOOK: {
    status: 400,
    exit: EXIT.invalidInput,
    meaning: 'A playbook (or classifier) document does not compile; `issues` names each problem.',
  },
  NOT_FOUND: {
    status: 404,
    exit: EXIT.unreadable,
    meaning:
      'The named thing does not exist, or not in the caller’s workspace (the API does not tell the two apart); in the CLI, a missing file.',
  },
  CONFLICT: {
    status: 409,
    exit: EXIT.internal,
    meaning: 'A write lost a race (a stale `expectedVersion`) or broke a uniqueness rule.',
  },
  TOO_LARGE: {
    status: 413,
    exit: EXIT.unreadable,
    meaning: 'A body, file, document or record is over its documented size limit.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    exit: EXIT.internal,
    meaning: 'The request’s content type is not one the route accepts.',
  },
  UNAUTHENTICATED: {
    status: 401,
    exit: EXIT.internal,
    meaning: 'No valid session or API token came with a request that needs one.',
  },
  FORBIDDEN: {
    status: 403,
    exit: EXIT.internal,
    meaning:
      'The caller’s role in the workspace does not allow the request, or it came from another origin.',
  },
  INSUFFICIENT_SCOPE: {
    status: 403,
    exit: EXIT.internal,
    meaning:
      'The API token is valid but its scope does not cover the request (RFC 6750 §3.1); another token would help, another password would not.',
  },
  RATE_LIMITED: {
    status: 429,
    exit: EXIT.internal,
    meaning: 'Too many requests or failed sign-ins; `Retry-After` says when to try again.',
  },
  DEMO_FULL: {
    status: 409,
    exit: EXIT.internal,
    meaning: 'Every private demo workspace the server allows is in use; a new visitor must wait.',
  },
  QUOTA_EXCEEDED: {
    status: 409,
    exit: EXIT.internal,
    meaning:
      'A workspace with a size limit (a visitor’s demo workspace) has no room for another change.',
  },
  IO_ERROR: {
    status: 500,
    exit: EXIT.unreadable,
    meaning:
      'Reading or writing a file, stream or the database failed for a reason other than "not found".',
  },
  USAGE: {
    status: 400,
    exit: EXIT.usage,
    meaning: 'A command or call was given options that cannot work together.',
  },
  GATE_NOT_MET: {
    status: 422,
    exit: EXIT.internal,
    meaning:
      'An initiative cannot move to the next stage: items of its gate are missing; `issues` names each.',
  },
  MOVE_NOT_ALLOWED: {
    status: 422,
    exit: EXIT.internal,
    meaning: 'The register does not allow a move from this stage to that one.',
  },
  FORCE_NOT_ALLOWED: {
    status: 422,
    exit: EXIT.internal,
    meaning: 'A move past an unmet gate was forced by someone who may not force it.',
  },
  REASON_REQUIRED: {
    status: 422,
    exit: EXIT.internal,
    meaning: 'The move needs a written reason (a forced move, a stop) and none was given.',
  },
  ACKNOWLEDGEMENT_REQUIRED: {
    status: 422,
    exit: EXIT.internal,
    meaning: 'The move needs the partner seat to acknowledge it first.',
  },
  PROHIBITED_USE_CASE: {
    status: 422,
    exit: EXIT.internal,
    meaning: 'The use case is a prohibited practice under the EU AI Act and cannot move forward.',
  },
  INTERNAL: {
    status: 500,
    exit: EXIT.internal,
    meaning:
      'A bug. The API answers with the code and a `requestId` only; the log has the details under that id.',
  },
}

/** The HTTP status for an error code. */
export function statusFor(code: ApiErrorCode): number {
  return ERRORS[code].status
}

/** The CLI exit code for an error code. */
export function exitCodeFor(code: ApiErrorCode): number {
  return ERRORS[code].exit
}
