// One shape for a validation problem on its way from the engine to a person: the engine returns
// `Issue`s (data, shaped like Zod's: code, path, message), adapters wrap them into `Problem`s that
// also say where (file, line, row), and the API sends `ApiIssue`s. The `code` and the `path`
// survive every step, so the web app and API clients branch on codes, never on English messages.

/** A validation problem as data, shaped like a Zod issue. */
export interface Issue {
  /** Stable and machine-readable: Zod's code (`invalid_type`, `too_small`, …) or Tandem's own. */
  readonly code: string
  /** Path to the offending value inside the document, e.g. `['ai', 'centrality']`. */
  readonly path: readonly (string | number)[]
  readonly message: string
  /** For type and size issues: the type or kind of value expected (`number`, `string`, `array`). */
  readonly expected?: string
}

/** One problem inside a document: where (file, line or row, field) and what was expected. */
export interface Problem {
  readonly file?: string
  readonly line?: number
  readonly row?: number
  readonly field?: string
  /** The issue's code when the problem came from validation. */
  readonly code?: string
  readonly message: string
}

/** One problem in the API's error body (`error.issues`). */
export interface ApiIssue {
  readonly code: string
  /** `ai.useCases[0].name`; `row 3 name` for a problem in a row of an uploaded file. */
  readonly path: string
  readonly message: string
}

/** The code an API issue gets when its problem did not come from validation. */
export const INVALID_VALUE = 'invalid_value'

/** Formats an issue path as `ai.useCases[2].area`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  )
}

/** An engine issue as a problem of an adapter; `at` prefixes the path (the body field it is in). */
export function problemFromIssue(
  issue: Issue,
  where: { readonly file?: string; readonly line?: number; readonly at?: readonly string[] } = {},
): Problem {
  const path = [...(where.at ?? []), ...issue.path]
  return {
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.line === undefined ? {} : { line: where.line }),
    ...(path.length > 0 ? { field: formatPath(path) } : {}),
    code: issue.code,
    message: issue.message,
  }
}

/** A problem as the API reports it. */
export function apiIssueFromProblem(problem: Problem): ApiIssue {
  const where = problem.row !== undefined ? `row ${problem.row}` : ''
  const path = [where, problem.field ?? ''].filter(Boolean).join(' ')
  return { code: problem.code ?? INVALID_VALUE, path, message: problem.message }
}
