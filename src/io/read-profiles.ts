import type { Readable } from 'node:stream'
import type { Profile } from '../engine/profile-schema.js'
import type { Problem } from '../errors/app-error.js'
import type { LocatedDocument } from './parse-yaml.js'
import { extname } from 'node:path'
import { AppError } from '../errors/app-error.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { UsageError } from '../errors/usage-error.js'
import { MAX_JSON_BATCH_BYTES, MAX_PROFILE_BYTES } from './limits.js'
import { openInput, readTextLimited } from './open-input.js'
import { parseJson } from './parse-json.js'
import { parseLocatedYaml } from './parse-yaml.js'
import { readCsvProfiles } from './read-csv-profiles.js'
import { splitLines } from './split-lines.js'
import { validateLocated } from './validate-located.js'

export const PROFILE_FORMATS = ['yaml', 'json', 'ndjson', 'csv'] as const
export type ProfileFormat = (typeof PROFILE_FORMATS)[number]

/** One input record: a valid profile, or the problems that refused it. */
export interface ProfileRecord {
  /** 0-based position among the records of the input. */
  readonly index: number
  /** Line in the file where the record starts (YAML, JSON, NDJSON). */
  readonly line?: number
  /** Spreadsheet row number (CSV: the header is row 1, the first data row is row 2). */
  readonly row?: number
  readonly profile?: Profile
  readonly problems?: readonly Problem[]
}

export interface ReadProfilesOptions {
  /** Name used in problems; the path by default, `stdin` for a stream. */
  readonly source?: string
  /** Format; by default from the file extension. */
  readonly format?: ProfileFormat
}

// A document marker: `---` (start) or `...` (end) at column 0, alone or before a space.
const MARKER = /^(---|\.\.\.)(?=\s|$)/

const EXTENSIONS: Readonly<Record<string, ProfileFormat>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
}

/** The input format a file name implies. */
export function profileFormatOf(path: string): ProfileFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()]
  if (!format) {
    throw new UsageError(
      `cannot tell the format of "${path}": use .yaml, .yml, .json, .ndjson, .jsonl or .csv`,
    )
  }
  return format
}

/**
 * Reads many profiles from a file or stream, in input order, with memory bounded by the largest
 * record (except a `.json` array, read whole up to its limit). A record that is not a valid profile
 * comes back with its problems and reading goes on; a fault of the file as a whole (unreadable,
 * unknown CSV column, CSV syntax error) throws after the records before it were yielded.
 */
export async function* readProfiles(
  input: string | Readable,
  options: ReadProfilesOptions = {},
): AsyncGenerator<ProfileRecord> {
  const source = options.source ?? (typeof input === 'string' ? input : 'stdin')
  const format = options.format ?? (typeof input === 'string' ? profileFormatOf(input) : 'yaml')
  const stream = typeof input === 'string' && format !== 'json' ? await openInput(input) : null
  try {
    switch (format) {
      case 'csv':
        yield* readCsvProfiles(stream ?? (input as Readable), source)
        return
      case 'ndjson':
        yield* readNdjson(stream ?? (input as Readable), source)
        return
      case 'yaml':
        yield* readYamlStream(stream ?? (input as Readable), source)
        return
      case 'json':
        yield* readJsonBatch(await readTextLimited(input, source, MAX_JSON_BATCH_BYTES), source)
        return
    }
  } finally {
    stream?.destroy()
  }
}

async function* readNdjson(stream: Readable, source: string): AsyncGenerator<ProfileRecord> {
  let index = 0
  for await (const line of splitLines(stream, MAX_PROFILE_BYTES)) {
    if (line.tooLong) {
      yield refused(index++, { line: line.number }, [
        {
          file: source,
          line: line.number,
          message: `the line is longer than the ${MAX_PROFILE_BYTES / 1024 / 1024} MiB limit`,
        },
      ])
      continue
    }
    if (line.text.trim() === '') continue
    yield recordOf(index++, { line: line.number }, source, () =>
      parseJson(line.text, source, { firstLine: line.number, maxBytes: MAX_PROFILE_BYTES }),
    )
  }
}

// Splits a YAML stream at document markers (`---`, `...` at column 0; the parser also ends any
// scalar there) so that only one document is in memory, and a broken document refuses only itself.
async function* readYamlStream(stream: Readable, source: string): AsyncGenerator<ProfileRecord> {
  let index = 0
  let lines: string[] = []
  let firstLine = 1
  let size = 0
  let tooLarge = false
  const flush = function* (): Generator<ProfileRecord> {
    if (tooLarge) {
      yield refused(index++, { line: firstLine }, [
        {
          file: source,
          line: firstLine,
          message: `the document is larger than the ${MAX_PROFILE_BYTES / 1024 / 1024} MiB limit`,
        },
      ])
    } else if (lines.some(hasContent)) {
      const text = lines.join('\n')
      const start = firstLine
      const contentLine = firstLine + lines.findIndex(hasContent)
      yield recordOf(index++, { line: contentLine }, source, () => {
        const [document, extra] = parseLocatedYaml(text, source, {
          firstLine: start,
          maxBytes: MAX_PROFILE_BYTES,
        })
        if (!document || extra) throw new Error('a document slice holds one document')
        return document
      })
    }
    lines = []
    size = 0
    tooLarge = false
  }
  for await (const line of splitLines(stream, MAX_PROFILE_BYTES)) {
    const marker = MARKER.exec(line.text)
    // Directives (`%YAML 1.2`) and comments before a `---` belong to the document it starts.
    if (marker?.[1] === '---' && (tooLarge || lines.some(hasContent))) {
      yield* flush()
      firstLine = line.number
    } else if (marker?.[1] === '---' && lines.some((text) => MARKER.test(text))) {
      // An empty document (only a marker and comments) ends here: nothing to read.
      lines = []
      size = 0
      firstLine = line.number
    }
    size += line.text.length + 1
    if (line.tooLong || size > MAX_PROFILE_BYTES) tooLarge = true
    if (!tooLarge) lines.push(line.text)
    if (marker?.[1] === '...') {
      yield* flush()
      firstLine = line.number + 1
    }
  }
  yield* flush()
}

function* readJsonBatch(text: string, source: string): Generator<ProfileRecord> {
  const document = parseJson(text, source, {
    maxBytes: MAX_JSON_BATCH_BYTES,
    allowForbiddenKeys: true,
  })
  if (!Array.isArray(document.value)) {
    yield validateLocated(0, { line: document.line }, source, document)
    return
  }
  const items: unknown[] = document.value
  for (const [index, value] of items.entries()) {
    const element: LocatedDocument = {
      value,
      get line() {
        return document.lineOf([index])
      },
      lineOf: (path) => document.lineOf([index, ...path]),
    }
    yield validateLocated(index, {}, source, element)
  }
}

function hasContent(line: string): boolean {
  if (line.startsWith('%')) return false
  const body = line.replace(MARKER, '').trim()
  return body !== '' && !body.startsWith('#')
}

function recordOf(
  index: number,
  where: { line?: number },
  source: string,
  parse: () => LocatedDocument,
): ProfileRecord {
  try {
    const document = parse()
    return validateLocated(
      index,
      where.line === undefined ? where : { line: document.line },
      source,
      document,
    )
  } catch (error) {
    if (
      error instanceof InvalidInputError ||
      (error instanceof AppError && error.code === 'TOO_LARGE')
    ) {
      const problems =
        error.problems.length > 0
          ? error.problems
          : [{ file: source, ...where, message: error.message }]
      return refused(index, where, distinct(problems))
    }
    throw error
  }
}

function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.line ?? ''}|${problem.field ?? ''}|${problem.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function refused(
  index: number,
  where: { line?: number; row?: number },
  problems: readonly Problem[],
): ProfileRecord {
  return { index, ...where, problems }
}
