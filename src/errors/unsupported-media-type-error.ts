import { AppError } from './app-error.js'

export class UnsupportedMediaTypeError extends AppError {
  override readonly code = 'UNSUPPORTED_MEDIA_TYPE'

  constructor(got: string | undefined, expected: readonly string[]) {
    super(`content type "${got ?? '(none)'}" is not accepted here; send ${expected.join(' or ')}`)
  }
}
