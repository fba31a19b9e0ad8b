import { describe, expect, it } from 'vitest'
import { code, escapeMarkdown } from './escape-markdown.js'

describe('escapeMarkdown', () => {
  it.each([
    ['Northwind Payments', 'Northwind Payments'],
    ['*Labs* & _Co_', '\\*Labs\\* & \\_Co\\_'],
    ['a | b', 'a \\| b'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[click](http://x)', '\\[click\\](http://x)'],
    ['`rm -rf`', '\\`rm -rf\\`'],
    ['back\\slash', 'back\\\\slash'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['R&amp;D', 'R\\&amp;D'],
    ['R&D', 'R&D'],
    ['# Heading', '\\# Heading'],
    ['- item', '\\- item'],
    ['> quote', '\\> quote'],
    ['1. first', '1\\. first'],
    ['12) twelfth', '12\\) twelfth'],
    ['Acme 2.0', 'Acme 2.0'],
    ['line one\nline two', 'line one line two'],
    ['  padded  ', 'padded'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })
})

describe('code', () => {
  it.each([
    ['separate-full-time', '`separate-full-time`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
  ])('renders %j as %j', (input, expected) => {
    expect(code(input)).toBe(expected)
  })
})
