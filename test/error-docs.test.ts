import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, ERRORS } from '../src/contract/error-codes.js'
import { errorDocsPath, formattedErrorDocs } from './error-docs.js'

describe('docs/errors.md', () => {
  it('is what `npm run docs:errors` writes from src/contract/error-codes.ts', async () => {
    expect(readFileSync(errorDocsPath, 'utf8')).toBe(await formattedErrorDocs())
  })

  it('lists every code an error can carry, with its status and exit code', () => {
    const text = readFileSync(errorDocsPath, 'utf8')
    for (const code of [...ERROR_CODES, 'INTERNAL'] as const) {
      const row = text.split('\n').find((line) => line.startsWith(`| \`${code}\``)) ?? ''
      expect(
        row
          .split('|')
          .map((cell) => cell.trim())
          .slice(2, 4),
      ).toEqual([String(ERRORS[code].status), String(ERRORS[code].exit)])
    }
  })
})
