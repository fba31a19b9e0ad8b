import type { Readable } from 'node:stream'

export interface Line {
  /** 1-based line number in the input. */
  readonly number: number
  /** The line without its `\n` (and without a trailing `\r`); empty when `tooLong`. */
  readonly text: string
  /** The line passed `maxBytes` and was discarded without being held in memory. */
  readonly tooLong: boolean
}

/**
 * Splits a byte stream into lines with bounded memory: a line over `maxBytes` is skipped (and
 * flagged) instead of being buffered. Splitting bytes on 0x0A is safe for UTF-8.
 */
export async function* splitLines(stream: Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let tooLong = false
  let number = 1
  for await (const chunk of stream) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    let newline = buffer.indexOf(0x0a)
    while (newline !== -1) {
      const piece = buffer.subarray(0, newline)
      if (!tooLong && size + piece.length > maxBytes) tooLong = true
      if (!tooLong) parts.push(piece)
      yield finish(parts, number, tooLong)
      number++
      parts = []
      size = 0
      tooLong = false
      buffer = buffer.subarray(newline + 1)
      newline = buffer.indexOf(0x0a)
    }
    if (buffer.length > 0 && !tooLong) {
      size += buffer.length
      if (size > maxBytes) {
        tooLong = true
        parts = []
      } else {
        // Copy: the stream may reuse the chunk's memory.
        parts.push(Buffer.from(buffer))
      }
    }
  }
  if (tooLong || parts.length > 0) yield finish(parts, number, tooLong)
}

function finish(parts: readonly Buffer[], number: number, tooLong: boolean): Line {
  if (tooLong) return { number, text: '', tooLong }
  let text = Buffer.concat(parts).toString('utf8')
  if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.endsWith('\r')) text = text.slice(0, -1)
  return { number, text, tooLong }
}
