import { describe, expect, it } from 'vitest'
import { wrapText } from './wrap-text.js'

describe('wrapText', () => {
  it.each([
    ['Separate full-time CTO and CAIO', 22, ['Separate full-time CTO', 'and CAIO']],
    ['Business functions', 12, ['Business', 'functions']],
    ['CTO', 12, ['CTO']],
    ['Supercalifragilistic word', 5, ['Supercalifragilistic', 'word']],
    ['', 10, []],
  ] as const)('wraps %j at %d characters', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines)
  })
})
