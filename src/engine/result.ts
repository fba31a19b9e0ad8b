export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

/** A validation problem as data, shaped like a Zod issue. */
export interface Issue {
  readonly code: string
  /** Path to the offending value inside the document, e.g. `['ai', 'centrality']`. */
  readonly path: readonly (string | number)[]
  readonly message: string
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
