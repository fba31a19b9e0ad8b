import type { LocatedDocument, YamlOptions } from './parse-yaml.js'
import { Buffer } from 'node:buffer'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { TooLargeError } from '../errors/too-large-error.js'
import { formatPath } from '../engine/validate-profile.js'
import { findForbiddenKey } from '../contract/forbidden-keys.js'
import { MAX_DOCUMENT_BYTES } from './limits.js'
import { parseOneLocatedYaml } from './parse-yaml.js'
import { findExcessiveNesting } from './scan-nesting.js'

/**
 * Parses one JSON document safely (size, nesting depth, forbidden keys). Lines of values are found
 * lazily, only when a problem needs one, by reading the same text as YAML (JSON is a subset of it).
 */
export function parseJson(
  text: string,
  source: string,
  options: YamlOptions & { readonly allowForbiddenKeys?: boolean } = {},
): LocatedDocument {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES
  const firstLine = options.firstLine ?? 1
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new TooLargeError(source, maxBytes)
  }
  const deep = findExcessiveNesting(text)
  if (deep) {
    throw new InvalidInputError(`${source} is nested too deeply`, [
      {
        file: source,
        line: deep.line + firstLine - 1,
        message: `nesting deeper than ${deep.depth - 1} levels is refused (limit: 64)`,
      },
    ])
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new InvalidInputError(`${source} is not valid JSON`, [
      {
        file: source,
        line: lineOfSyntaxError(text, message) + firstLine - 1,
        message: cleanMessage(message),
      },
    ])
  }
  const lineOf = lazyLines(text, source, firstLine)
  // JSON.parse makes `__proto__` an own property (no pollution); a batch leaves the refusal to
  // per-record validation so that one hostile record does not refuse its neighbours.
  const forbidden = options.allowForbiddenKeys ? null : findForbiddenKey(value)
  if (forbidden) {
    const key = String(forbidden.at(-1))
    throw new InvalidInputError(`${source} holds a forbidden key`, [
      {
        file: source,
        line: lineOf(forbidden),
        field: formatPath(forbidden),
        message: `the key "${key}" is not allowed`,
      },
    ])
  }
  return { value, line: firstLine, lineOf }
}

function lazyLines(
  text: string,
  source: string,
  firstLine: number,
): (path: readonly (string | number)[]) => number {
  let located: LocatedDocument | null | undefined
  return (path) => {
    if (located === undefined) {
      try {
        located = parseOneLocatedYaml(text, source, {
          firstLine,
          maxBytes: Number.MAX_SAFE_INTEGER,
        })
      } catch {
        located = null
      }
    }
    return located ? located.lineOf(path) : firstLine
  }
}

// V8 reports "... at position 12" (Node 20) or "... (line 2 column 5)" (newer Node).
function lineOfSyntaxError(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message)
  if (line) return Number(line[1])
  const position = /at position (\d+)/.exec(message)
  if (!position) return 1
  let count = 1
  const end = Math.min(Number(position[1]), text.length)
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) count++
  return count
}

function cleanMessage(message: string): string {
  return message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+.*$/, '')
}
