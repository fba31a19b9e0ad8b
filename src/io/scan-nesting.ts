import { MAX_NESTING_DEPTH } from './limits.js'

export interface ExcessiveNesting {
  /** 1-based line where the limit was crossed. */
  readonly line: number
  readonly depth: number
}

/**
 * Finds the first place where YAML/JSON text nests collections deeper than `limit`, without
 * parsing it: the `yaml` parser can crash the whole process (V8 "RegExpCompiler Allocation
 * failed", not catchable) on a few thousand nested flow collections, so this runs first.
 *
 * Depth = block indentation levels (the top level counts as one) + `- ` entries opened on one line + open `[`/`{`. The scan is
 * deliberately conservative: wherever it cannot be sure that the parser treats a character as
 * text (quotes, block scalars, comments), it counts brackets as structure, so it may over-count a
 * pathological document but never under-counts one (checked against the `yaml` lexer in tests).
 */
export function findExcessiveNesting(
  text: string,
  limit: number = MAX_NESTING_DEPTH,
): ExcessiveNesting | null {
  return new NestingScanner(text, limit).scan()
}

class NestingScanner {
  readonly #text: string
  readonly #limit: number
  #pos = 0
  #line = 1
  #flow = 0
  #indents: number[] = []
  #entries = 0
  // A quote or block-scalar indicator here starts a token (the `yaml` lexer agrees only then).
  #tokenStart = true
  // Only `- `/`? ` prefixes seen on this line so far (they open block entries).
  #prefix = false
  // The last token closed a quoted scalar or a flow collection: `:` right after it is an indicator.
  #afterCloser = false
  #tokenColumn = -1
  // Set by a block scalar: where scanning resumes and how many content lines it skipped.
  #resume = -1
  #skipped = 0

  constructor(text: string, limit: number) {
    this.#text = text
    this.#limit = limit
  }

  scan(): ExcessiveNesting | null {
    while (this.#pos < this.#text.length) {
      const found = this.#scanLine()
      if (found) return found
    }
    return null
  }

  #scanLine(): ExcessiveNesting | null {
    const text = this.#text
    const start = this.#pos
    const end = lineEnd(text, start)
    let i = start
    this.#entries = 0
    this.#tokenColumn = -1
    if (isDocumentMarker(text, start)) {
      this.#flow = 0
      this.#indents = []
      this.#tokenStart = true
      this.#afterCloser = false
      this.#prefix = false
      i += 3
    } else if (text[start] === '%' && this.#flow === 0 && this.#indents.length === 0) {
      return this.#nextLine(end)
    } else {
      while (text[i] === ' ') i++
      if (i >= end || text[i] === '#' || isBlank(text, i, end)) return this.#nextLine(end)
      if (this.#flow === 0) {
        const indent = i - start
        while (this.#indents.length > 0 && (this.#indents.at(-1) ?? 0) >= indent)
          this.#indents.pop()
        this.#indents.push(indent)
        this.#prefix = true
        const found = this.#check()
        if (found) return found
      }
    }
    while (i < end) {
      const next = this.#step(i, end, start)
      if (typeof next !== 'number') return next
      i = next
    }
    return this.#nextLine(end)
  }

  // Handles the character at `i`; returns where to continue, or the excessive nesting found.
  #step(i: number, end: number, lineStart: number): number | ExcessiveNesting {
    const text = this.#text
    const ch = text[i]
    const next = text[i + 1]
    if (ch === ' ' || ch === '\t' || ch === '\r') return i + 1
    if (ch === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) return end
    if (this.#prefix && ch !== '-' && ch !== '?') this.#markToken(i - lineStart)
    switch (ch) {
      case '"':
      case "'":
        if (!this.#tokenStart) return this.#plain(i)
        return this.#quoted(i, end)
      case '[':
      case '{':
        this.#flow++
        this.#tokenStart = true
        this.#afterCloser = false
        this.#prefix = false
        return this.#check() ?? i + 1
      case ']':
      case '}':
        this.#flow = Math.max(0, this.#flow - 1)
        this.#tokenStart = false
        this.#afterCloser = true
        return i + 1
      case ',':
        this.#tokenStart = this.#flow > 0
        this.#afterCloser = false
        return i + 1
      case ':':
        if (isSpaceOrEnd(next) || (this.#flow > 0 && this.#afterCloser)) {
          this.#tokenStart = true
          this.#afterCloser = false
          return i + 1
        }
        return this.#plain(i)
      case '-':
      case '?':
        if (this.#prefix && this.#flow === 0 && isSpaceOrEnd(next)) {
          this.#entries++
          this.#tokenStart = true
          return this.#check() ?? i + 1
        }
        this.#markToken(i - lineStart)
        return this.#plain(i)
      case '|':
      case '>':
        if (this.#tokenStart && this.#flow === 0) return this.#blockScalar(i, end)
        return this.#plain(i)
      default:
        return this.#plain(i)
    }
  }

  #markToken(column: number): void {
    if (this.#tokenColumn === -1) this.#tokenColumn = column
    this.#prefix = false
  }

  #plain(i: number): number {
    this.#tokenStart = false
    this.#afterCloser = false
    this.#prefix = false
    return i + 1
  }

  // A quoted scalar that closes on this line is skipped; one that does not is scanned as structure
  // from the next line on (the parser may end it early on an unindent or a document marker).
  #quoted(i: number, end: number): number {
    const text = this.#text
    const quote = text[i]
    let j = i + 1
    while (j < end) {
      if (quote === '"' && text[j] === '\\') j += 2
      else if (quote === "'" && text[j] === "'" && text[j + 1] === "'") j += 2
      else if (text[j] === quote) break
      else j++
    }
    this.#tokenStart = false
    this.#prefix = false
    if (j >= end) {
      this.#afterCloser = false
      return end
    }
    this.#afterCloser = true
    return j + 1
  }

  // `|` or `>`: skips the scalar's content lines, using the parser's rule (lines indented at least as
  // much as the first content line). With an explicit indentation indicator nothing is skipped.
  #blockScalar(i: number, end: number): number {
    const text = this.#text
    let j = i + 1
    let explicit = false
    while (j < end && /[-+1-9]/.test(text[j] ?? '')) {
      if (text[j] !== '-' && text[j] !== '+') explicit = true
      j++
    }
    const rest = text.slice(j, end).trimStart()
    this.#tokenStart = false
    this.#prefix = false
    if (explicit || (rest !== '' && !rest.startsWith('#')) || this.#tokenColumn === -1) return end
    const minimum = this.#tokenColumn + 1
    let pos = end + 1
    let content = -1
    let skipped = 0
    while (pos < text.length) {
      const lineStop = lineEnd(text, pos)
      let k = pos
      while (text[k] === ' ') k++
      const blank = k >= lineStop || (text[k] === '\r' && k + 1 >= lineStop)
      if (!blank) {
        const indent = k - pos
        if (content === -1) content = Math.max(indent, minimum)
        if (indent < content || isDocumentMarker(text, pos)) break
      }
      skipped++
      pos = lineStop + 1
    }
    this.#resume = pos
    this.#skipped = skipped
    return end
  }

  #check(): ExcessiveNesting | null {
    const depth = this.#indents.length + this.#entries + this.#flow
    return depth > this.#limit ? { line: this.#line, depth } : null
  }

  #nextLine(end: number): null {
    this.#pos = this.#resume === -1 ? end + 1 : this.#resume
    this.#line += 1 + this.#skipped
    this.#resume = -1
    this.#skipped = 0
    return null
  }
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from)
  return newline === -1 ? text.length : newline
}

function isDocumentMarker(text: string, at: number): boolean {
  const marker = text.slice(at, at + 3)
  return (marker === '---' || marker === '...') && isSpaceOrEnd(text[at + 3])
}

function isBlank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++)
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false
  return true
}

function isSpaceOrEnd(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r'
}
