import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Lexer } from 'yaml'
import { findExcessiveNesting } from './scan-nesting.js'

const FLOW_END = '\x18'

// The deepest flow nesting the `yaml` lexer itself sees: the figure the scan must never under-count.
function lexerFlowDepth(text: string): number {
  let depth = 0
  let max = 0
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') max = Math.max(max, ++depth)
    else if (token === ']' || token === '}') depth = Math.max(0, depth - 1)
    else if (token === FLOW_END || token === '---' || token === '...') depth = 0
  }
  return max
}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

describe('findExcessiveNesting', () => {
  it('accepts a realistic profile', () => {
    const text =
      'name: Acme\nai:\n  centrality: core\n  useCases:\n    - name: "Fraud [beta]"\n      area: essential-services\n'
    expect(findExcessiveNesting(text)).toBeNull()
  })

  it('counts the top level as one: accepts 63 nested flow collections and refuses 64', () => {
    expect(findExcessiveNesting(nested(63))).toBeNull()
    expect(findExcessiveNesting(nested(64))).toEqual({ line: 1, depth: 65 })
  })

  it('refuses 100,000 nested brackets quickly', () => {
    const started = performance.now()
    expect(findExcessiveNesting('['.repeat(100_000))).toEqual({ line: 1, depth: 65 })
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('counts block indentation levels and names the line', () => {
    const text = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')
    expect(findExcessiveNesting(text)).toEqual({ line: 65, depth: 65 })
  })

  it('ignores brackets inside quoted strings, comments and block scalars', () => {
    const brackets = '['.repeat(80)
    const text = `a: "${brackets}"\nb: '${brackets}' # ${brackets}\nc: |\n  ${brackets}\n  more\nd: [1]\n`
    expect(findExcessiveNesting(text)).toBeNull()
  })

  it('counts brackets after a quote inside a plain scalar, as the parser does in flow context', () => {
    expect(findExcessiveNesting(`[a "b ${'['.repeat(70)}`)).toEqual({ line: 1, depth: 65 })
  })

  it('resets at a document marker that ends an unterminated quote', () => {
    expect(findExcessiveNesting(`a: 'x\n---\n${'['.repeat(70)}\n'`)).toEqual({ line: 3, depth: 65 })
  })

  it('never counts less flow nesting than the yaml lexer sees', () => {
    const alphabet = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      ',',
      ':',
      ' ',
      ' ',
      '\n',
      '\n  ',
      '- ',
      '#',
      '|',
      '>',
      'a',
      '\\',
      '---\n',
      '? ',
      '&x ',
      '!t ',
      '|2',
      '\t',
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (parts) => {
        const text = parts.join('')
        const depth = lexerFlowDepth(text)
        if (depth === 0) return
        expect(findExcessiveNesting(text, depth - 1)).not.toBeNull()
      }),
      { numRuns: 3000 },
    )
  })
})
