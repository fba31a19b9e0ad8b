import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { splitLines } from './split-lines.js'

async function lines(chunks: readonly string[], maxBytes = 100): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const line of splitLines(
    Readable.from(chunks.map((chunk) => Buffer.from(chunk))),
    maxBytes,
  )) {
    out.push(line.tooLong ? `#${line.number} too long` : `#${line.number} ${line.text}`)
  }
  return out
}

describe('splitLines', () => {
  it('joins lines split across chunks and drops CR before LF', async () => {
    expect(await lines(['ab', 'c\r\nd', 'é\nlast'])).toEqual(['#1 abc', '#2 dé', '#3 last'])
  })

  it('flags a line over the limit and carries on with the next one', async () => {
    expect(await lines(['short\n', 'x'.repeat(60), 'x'.repeat(60), '\nnext\n'])).toEqual([
      '#1 short',
      '#2 too long',
      '#3 next',
    ])
  })
})
