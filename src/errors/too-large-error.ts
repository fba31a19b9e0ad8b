import { AppError } from './app-error.js'

/** An input (file, stream, document, record) is over its documented size limit. */
export class TooLargeError extends AppError {
  override readonly code = 'TOO_LARGE'

  constructor(what: string, limitBytes: number) {
    super(`${what} is larger than the ${formatBytes(limitBytes)} limit`)
  }
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
