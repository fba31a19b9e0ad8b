import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv-cell.js'

describe('csvCell', () => {
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
