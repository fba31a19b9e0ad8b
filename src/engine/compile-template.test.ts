import { describe, expect, it } from 'vitest'
import { compileTemplate } from './compile-template.js'

describe('compileTemplate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(
      compileTemplate('{products} products, {engineers} engineers')({ products: 3, engineers: 40 }),
    ).toBe('3 products, 40 engineers')
  })

  it('keeps placeholders without a value, and inherited names are not values', () => {
    expect(compileTemplate('{known} and {unknown} and {constructor}')({ known: 'x' })).toBe(
      'x and {unknown} and {constructor}',
    )
  })

  it('returns text without placeholders as it is, braces that are not placeholders too', () => {
    expect(compileTemplate('plain')({ plain: 'no' })).toBe('plain')
    expect(compileTemplate('{not a name} {}')({})).toBe('{not a name} {}')
  })

  it('fills adjacent placeholders and placeholders at both ends', () => {
    expect(compileTemplate('{a}{b}-{a}')({ a: 1, b: 2 })).toBe('12-1')
  })
})
