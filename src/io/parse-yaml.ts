import type { Document } from 'yaml'
import type { Problem } from '../errors/app-error.js'
import { Buffer } from 'node:buffer'
import { isScalar, LineCounter, parseAllDocuments, visit } from 'yaml'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { TooLargeError } from '../errors/too-large-error.js'
import { FORBIDDEN_KEYS } from '../contract/forbidden-keys.js'
import { MAX_DOCUMENT_BYTES, MAX_YAML_ALIASES } from './limits.js'
import { findExcessiveNesting } from './scan-nesting.js'

export interface YamlOptions {
  /** Size limit of the whole text in bytes; `MAX_DOCUMENT_BYTES` unless given. */
  readonly maxBytes?: number
  /** Line of the text's first line in its file, when the text is a slice of a larger file. */
  readonly firstLine?: number
}

/** A parsed YAML document with the means to point back at lines in its file. */
export interface LocatedDocument {
  readonly value: unknown
  /** Line where the document's content starts. */
  readonly line: number
  /** Line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number
}

// Parser options that close the known YAML attack surface (reliability.md §C).
const PARSE_OPTIONS = {
  uniqueKeys: true,
  merge: false,
  strict: true,
  prettyErrors: false,
  resolveKnownTags: false,
} as const

/** Parses every document of a YAML stream safely; problems name the file and line. */
export function parseYamlDocuments(
  text: string,
  source: string,
  options: YamlOptions = {},
): unknown[] {
  return parseLocatedYaml(text, source, options).map((document) => document.value)
}

/** Parses a text that must hold exactly one YAML (or JSON) document. Empty text is `null`. */
export function parseYaml(text: string, source: string, options: YamlOptions = {}): unknown {
  return parseOneLocatedYaml(text, source, options).value
}

/** Like `parseYaml`, keeping line positions to report problems found later (validation). */
export function parseOneLocatedYaml(
  text: string,
  source: string,
  options: YamlOptions = {},
): LocatedDocument {
  const documents = parseLocatedYaml(text, source, options)
  if (documents.length > 1) {
    const line = documents[1]?.line ?? 1
    throw new InvalidInputError(
      `${source} holds ${documents.length} YAML documents, expected one`,
      [{ file: source, line, message: 'a second document starts here; expected exactly one' }],
    )
  }
  return (
    documents[0] ?? {
      value: null,
      line: options.firstLine ?? 1,
      lineOf: () => options.firstLine ?? 1,
    }
  )
}

/** The safe parse behind the functions above. */
export function parseLocatedYaml(
  text: string,
  source: string,
  options: YamlOptions = {},
): LocatedDocument[] {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES
  const offset = (options.firstLine ?? 1) - 1
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new TooLargeError(source, maxBytes)
  }
  const deep = findExcessiveNesting(text)
  if (deep) {
    throw new InvalidInputError(`${source} is nested too deeply`, [
      {
        file: source,
        line: deep.line + offset,
        message: `nesting deeper than ${deep.depth - 1} levels is refused (limit: 64)`,
      },
    ])
  }
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter })
  const lineAt = (position: number): number => lineCounter.linePos(position).line + offset
  const problems = documents.flatMap((document) => documentProblems(document, source, lineAt))
  if (problems.length > 0) {
    throw new InvalidInputError(`${source} is not valid YAML`, problems)
  }
  return documents.map((document) => locate(document, source, lineAt))
}

function documentProblems(
  document: Document.Parsed,
  source: string,
  lineAt: (position: number) => number,
): Problem[] {
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => ({
    file: source,
    line: lineAt(error.pos[0]),
    message: firstLine(error.message),
  }))
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        problems.push({
          file: source,
          line: lineAt(pair.key.range?.[0] ?? 0),
          field: String(pair.key.value),
          message: `the key "${String(pair.key.value)}" is not allowed`,
        })
      }
    },
  })
  return problems
}

function locate(
  document: Document.Parsed,
  source: string,
  lineAt: (position: number) => number,
): LocatedDocument {
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES })
  } catch (error) {
    // toJS throws only for input faults: too many or unresolved aliases.
    const message = error instanceof Error ? firstLine(error.message) : String(error)
    throw new InvalidInputError(`${source} is not valid YAML`, [
      { file: source, line: lineAt(document.range[0]), message: aliasMessage(message) },
    ])
  }
  const start = document.contents?.range[0] ?? document.range[0]
  return {
    value,
    line: lineAt(start),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node: unknown = document.getIn(path.slice(0, depth), true)
        const start = startOf(node)
        if (start !== null) return lineAt(start)
      }
      return lineAt(start)
    },
  }
}

function startOf(node: unknown): number | null {
  if (node === null || typeof node !== 'object' || !('range' in node)) return null
  const range: unknown = node.range
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : null
}

function aliasMessage(message: string): string {
  return /excessive alias count/i.test(message)
    ? `more than ${MAX_YAML_ALIASES} alias expansions (a "billion laughs" document?) are refused`
    : message
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}
