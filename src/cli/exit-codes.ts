import type { ErrorCode } from '../errors/app-error.js'

// Exit codes, documented in docs/cli.md: scripts depend on them, never renumber.
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

const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  USAGE: EXIT.usage,
  INVALID_INPUT: EXIT.invalidInput,
  INVALID_PLAYBOOK: EXIT.invalidInput,
  NOT_FOUND: EXIT.unreadable,
  IO_ERROR: EXIT.unreadable,
  TOO_LARGE: EXIT.unreadable,
}

/** The exit code for an adapter error's code; anything else is a bug. */
export function exitCodeFor(code: ErrorCode): number {
  return EXIT_BY_CODE[code] ?? EXIT.internal
}
