import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv-cell.js'

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['\0x', `"'\0x"`],
    ['   =1+1', `"'   =1+1"`],
  ])('neutralises the formula-like cell %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    ['Acme', '"Acme"'],
    ['a "quoted", word', '"a ""quoted"", word"'],
    ['two\nlines', '"two\nlines"'],
    ['a=b', '"a=b"'],
    ['', '""'],
  ])('quotes the plain cell %j without a prefix', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('writes numbers, booleans and absent values as data, never as formulas', () => {
    expect([csvCell(-5), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual([
      '"-5"',
      '"true"',
      '""',
      '""',
    ])
  })
})

describe('csvRow', () => {
  it('joins escaped cells and ends the record with CRLF', () => {
    expect(csvRow(['Acme', '=1', 3])).toBe(`"Acme","'=1","3"\r\n`)
  })
})
