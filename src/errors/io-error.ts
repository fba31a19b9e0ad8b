import { AppError } from './app-error.js'

/** Reading or writing a file or stream failed for a reason other than "not found". */
export class IoError extends AppError {
  override readonly code = 'IO_ERROR'

  constructor(operation: string, target: string, cause?: unknown) {
    super(`cannot ${operation} ${target}${reasonOf(cause)}`, { cause })
  }
}

function reasonOf(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') {
    return ` (${cause.code})`
  }
  return ''
}
