import { Readable } from 'node:stream'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aProfileDocument, aTempDir, ndjson } from '../../test/io-builders.js'
import { profileFormatOf, readProfiles } from './read-profiles.js'
import type { ProfileRecord } from './read-profiles.js'

async function readAll(path: string): Promise<ProfileRecord[]> {
  const records: ProfileRecord[] = []
  for await (const record of readProfiles(path, { source: 'input' })) records.push(record)
  return records
}

// Keeps what a test asserts on: the position, the profile's name, the problems.
function summary(records: readonly ProfileRecord[]): unknown[] {
  return records.map(({ index, line, row, profile, problems }) => ({
    index,
    ...(line === undefined ? {} : { line }),
    ...(row === undefined ? {} : { row }),
    ...(profile ? { name: profile.name } : {}),
    ...(problems ? { problems } : {}),
  }))
}

const CSV_HEADER =
  'name,employees,engineers,ai.centrality,ai.functions,ai.useCases,current.seats,current.roiMeasured'

describe('profileFormatOf', () => {
  it.each([
    ['a.yaml', 'yaml'],
    ['a.YML', 'yaml'],
    ['a.json', 'json'],
    ['a.ndjson', 'ndjson'],
    ['a.jsonl', 'ndjson'],
    ['a.csv', 'csv'],
  ])('reads %s as %s', (path, format) => {
    expect(profileFormatOf(path)).toBe(format)
  })

  it('refuses an unknown extension with a usage error', () => {
    expect(() => profileFormatOf('a.txt')).toThrow(
      'cannot tell the format of "a.txt": use .yaml, .yml, .json, .ndjson, .jsonl or .csv',
    )
  })
})

describe('readProfiles from CSV', () => {
  it('reads lists, use cases and seats with flags', async () => {
    const dir = aTempDir({
      'p.csv': `${CSV_HEADER}\nAcme,40,12,core,sales; finance,Fraud scoring:essential-services;Chat: support:transparency,CTO:full-time:responsibilities=17;CAIO:fractional:no-shipped-ai,no\n`,
    })
    const [record] = await readAll(join(dir, 'p.csv'))
    expect(record?.profile?.ai).toEqual({
      centrality: 'core',
      functions: ['sales', 'finance'],
      useCases: [
        { name: 'Fraud scoring', area: 'essential-services' },
        { name: 'Chat: support', area: 'transparency' },
      ],
    })
    expect(record?.profile?.current).toEqual({
      seats: [
        { title: 'CTO', engagement: 'full-time', responsibilities: 17 },
        { title: 'CAIO', engagement: 'fractional', shippedAiSystems: false },
      ],
      roleCharter: false,
      roiMeasured: false,
    })
  })

  it('refuses a bad row in the middle, naming row and field, and keeps the rows around it', async () => {
    const dir = aTempDir({
      'p.csv': `${CSV_HEADER}\nFirst,10,2,core,,,,\nBad,many,2,huge,,,CTO:full-time:boss,maybe\n\n"Third\nCo",50,5,peripheral,,,,\nShort,1\n,,,,,,,\nLast,5,1,important,,,,\n`,
    })
    expect(summary(await readAll(join(dir, 'p.csv')))).toEqual([
      { index: 0, row: 2, name: 'First' },
      {
        index: 1,
        row: 3,
        problems: [
          {
            file: 'input',
            row: 3,
            field: 'employees',
            message: 'expected a whole number, got "many"',
          },
          {
            file: 'input',
            row: 3,
            field: 'current.seats[0]',
            message:
              'unknown seat flag "boss"; expected shipped-ai, no-shipped-ai, led-tech, no-led-tech or responsibilities=N',
          },
          {
            file: 'input',
            row: 3,
            field: 'current.roiMeasured',
            message: 'expected true or false (or yes/no), got "maybe"',
          },
          {
            file: 'input',
            row: 3,
            field: 'ai.centrality',
            message: 'Invalid option: expected one of "peripheral"|"important"|"core"',
          },
        ],
      },
      { index: 2, row: 5, name: 'Third\nCo' },
      {
        index: 3,
        row: 6,
        problems: [
          { file: 'input', row: 6, message: 'expected 8 cells as in the header, found 2' },
        ],
      },
      { index: 4, row: 8, name: 'Last' },
    ])
  })

  it('refuses the whole file for unknown or forbidden columns, by name', async () => {
    const dir = aTempDir({
      'p.csv': 'name,employees,engineers,ai.centrality,colour,__proto__\nA,1,0,core,red,x\n',
    })
    await expect(readAll(join(dir, 'p.csv'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'input: the header row is not valid',
      problems: [
        {
          file: 'input',
          row: 1,
          message: expect.stringMatching(
            /^unknown column "colour"; expected one of: name, /,
          ) as string,
        },
        { file: 'input', row: 1, message: 'the column "__proto__" is not allowed' },
      ],
    })
  })

  it('stops at an unclosed quote after yielding the rows before it', async () => {
    const dir = aTempDir({ 'p.csv': `${CSV_HEADER}\nFirst,10,2,core,,,,\n"Broken,10,2,core,,,,\n` })
    const records: ProfileRecord[] = []
    const reading = (async () => {
      for await (const record of readProfiles(join(dir, 'p.csv'), { source: 'input' }))
        records.push(record)
    })()
    await expect(reading).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ file: 'input', line: 3 }],
    })
    expect(summary(records)).toEqual([{ index: 0, row: 2, name: 'First' }])
  })

  it('refuses a record over 64 KiB without reading it into memory whole', async () => {
    const dir = aTempDir({ 'p.csv': `${CSV_HEADER}\n${'x'.repeat(70 * 1024)},1,0,core,,,,\n` })
    await expect(readAll(join(dir, 'p.csv'))).rejects.toMatchObject({
      problems: [{ file: 'input', message: 'a record is larger than the 64 KiB limit' }],
    })
  })
})

describe('readProfiles from NDJSON', () => {
  it('refuses bad lines by line number and keeps the others in order', async () => {
    const dir = aTempDir({
      'p.ndjson': `${ndjson([aProfileDocument({ name: 'A' })])}\n{not json\n${ndjson([
        aProfileDocument({ name: 'C', engineers: 99, employees: 10 }),
        aProfileDocument({ name: 'D' }),
      ])}`,
    })
    expect(summary(await readAll(join(dir, 'p.ndjson')))).toEqual([
      { index: 0, line: 1, name: 'A' },
      {
        index: 1,
        line: 3,
        problems: [{ file: 'input', line: 3, message: "Expected property name or '}'" }],
      },
      {
        index: 2,
        line: 4,
        problems: [
          {
            file: 'input',
            line: 4,
            field: 'engineers',
            code: 'custom',
            message: 'engineers (99) must not exceed employees (10)',
          },
        ],
      },
      { index: 3, line: 5, name: 'D' },
    ])
  })

  it('refuses a line over 1 MiB by its number without holding it, and reads on', async () => {
    const long = JSON.stringify(aProfileDocument({ name: 'x'.repeat(1024 * 1024) }))
    const dir = aTempDir({
      'p.ndjson': `${long}\n${ndjson([aProfileDocument({ name: 'After' })])}`,
    })
    expect(summary(await readAll(join(dir, 'p.ndjson')))).toEqual([
      {
        index: 0,
        line: 1,
        problems: [{ file: 'input', line: 1, message: 'the line is longer than the 1 MiB limit' }],
      },
      { index: 1, line: 2, name: 'After' },
    ])
  })

  it('reads from a stream', async () => {
    const stream = Readable.from([Buffer.from(ndjson([aProfileDocument({ name: 'S' })]))])
    const records: ProfileRecord[] = []
    for await (const record of readProfiles(stream, { format: 'ndjson' })) records.push(record)
    expect(summary(records)).toEqual([{ index: 0, line: 1, name: 'S' }])
  })
})

describe('readProfiles from YAML', () => {
  it('reads a multi-document file; a broken document refuses only itself', async () => {
    const dir = aTempDir({
      'p.yaml': [
        'name: A\nemployees: 10\nengineers: 2\nai:\n  centrality: core',
        'name: B\nemployees: 10\nengineers: 2\nai:\n  centrality: core\n  colour: red',
        'name: [unclosed',
        '# a comment only',
        'name: D\nemployees: 5\nengineers: 1\nai: {centrality: peripheral}',
      ].join('\n---\n'),
    })
    expect(summary(await readAll(join(dir, 'p.yaml')))).toEqual([
      { index: 0, line: 1, name: 'A' },
      {
        index: 1,
        line: 7,
        problems: [
          {
            file: 'input',
            line: 12,
            field: 'ai.colour',
            code: 'unknown_field',
            message: 'unknown field "colour"',
          },
        ],
      },
      {
        index: 2,
        line: 14,
        problems: [
          {
            file: 'input',
            line: 14,
            message:
              'Flow sequence in block collection must be sufficiently indented and end with a ]',
          },
        ],
      },
      { index: 3, line: 18, name: 'D' },
    ])
  })
})

describe('readProfiles from YAML with directives', () => {
  it('keeps a %YAML directive and leading comments with the document they precede', async () => {
    const dir = aTempDir({
      'p.yaml':
        '%YAML 1.2\n# first\n---\nname: A\nemployees: 10\nengineers: 2\nai: {centrality: core}\n...\n%YAML 1.2\n---\nname: B\nemployees: 10\nengineers: 2\nai: {centrality: core}\n',
    })
    expect(summary(await readAll(join(dir, 'p.yaml')))).toEqual([
      { index: 0, line: 4, name: 'A' },
      { index: 1, line: 11, name: 'B' },
    ])
  })
})

describe('readProfiles from a JSON array', () => {
  it('refuses an element by its line and keeps the others', async () => {
    const dir = aTempDir({
      'p.json': `[\n${JSON.stringify(aProfileDocument({ name: 'A' }))},\n${JSON.stringify(aProfileDocument({ name: 'B', industry: 'mining' }))}\n]`,
    })
    expect(summary(await readAll(join(dir, 'p.json')))).toEqual([
      { index: 0, name: 'A' },
      {
        index: 1,
        line: 3,
        problems: [
          {
            file: 'input',
            line: 3,
            field: 'industry',
            code: 'invalid_value',
            message: expect.stringMatching(/^Invalid option/) as string,
          },
        ],
      },
    ])
  })
})

describe('readProfiles and prototype pollution', () => {
  it('leaves Object.prototype unchanged after reading hostile JSON, YAML, NDJSON and CSV', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const dir = aTempDir({
      'h.json':
        '[{"__proto__": {"polluted": 1}, "name": "x"}, {"constructor": {"prototype": {"polluted": 1}}}]',
      'h.ndjson': '{"__proto__": {"polluted": 1}}\n{"ai": {"__proto__": {"polluted": 1}}}\n',
      'h.yaml': '__proto__: {polluted: 1}\n---\nai:\n  constructor: {prototype: {polluted: 1}}\n',
      'h.csv': 'name,employees,engineers,ai.centrality,__proto__.polluted\nx,1,0,core,1\n',
    })
    const outcomes: string[] = []
    for (const file of ['h.json', 'h.ndjson', 'h.yaml', 'h.csv']) {
      try {
        for (const record of await readAll(join(dir, file))) {
          outcomes.push(`${file}: ${record.problems?.[0]?.message ?? 'accepted'}`)
        }
      } catch (error) {
        outcomes.push(`${file}: ${(error as Error).message}`)
      }
    }
    expect(outcomes).toEqual([
      'h.json: the key "__proto__" is not allowed',
      'h.json: the key "constructor" is not allowed',
      'h.ndjson: the key "__proto__" is not allowed',
      'h.ndjson: the key "__proto__" is not allowed',
      'h.yaml: the key "__proto__" is not allowed',
      'h.yaml: the key "constructor" is not allowed',
      'h.csv: input: the header row is not valid',
    ])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
