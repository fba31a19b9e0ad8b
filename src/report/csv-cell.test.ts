import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv-cell.js'

const ALWAYS = { quoting: 'always' } as const

describe('csvCell with quoting: minimal (the default)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', '"\'\rCR"'],
    ['\0NUL', "'\0NUL"],
    ['   =1+1', "'   =1+1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it.each([
    [-3, '-3'],
    [2.5, '2.5'],
    [true, 'true'],
    [null, ''],
  ] as const)('writes the non-string %j as %j without a prefix', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })
})

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', 'b,c', 1, null])).toBe('a,"b,c",1,\r\n')
  })
})

describe('csvCell with quoting: always', () => {
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
    expect(csvCell(value, ALWAYS)).toBe(expected)
  })

  it.each([
    ['Acme', '"Acme"'],
    ['a "quoted", word', '"a ""quoted"", word"'],
    ['two\nlines', '"two\nlines"'],
    ['a=b', '"a=b"'],
    ['', '""'],
  ])('quotes the plain cell %j without a prefix', (value, expected) => {
    expect(csvCell(value, ALWAYS)).toBe(expected)
  })

  it('writes numbers, booleans and absent values as data, never as formulas', () => {
    expect([
      csvCell(-5, ALWAYS),
      csvCell(true, ALWAYS),
      csvCell(null, ALWAYS),
      csvCell(undefined, ALWAYS),
    ]).toEqual(['"-5"', '"true"', '""', '""'])
  })
})

describe('csvRow with quoting: always', () => {
  it('joins escaped cells and ends the record with CRLF', () => {
    expect(csvRow(['Acme', '=1', 3], ALWAYS)).toBe(`"Acme","'=1","3"\r\n`)
  })
})
