import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { parseJson } from './parse-json.js'
import { parseLocatedYaml, parseYaml, parseYamlDocuments } from './parse-yaml.js'

const BILLION_LAUGHS = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n')

function failure(run: () => unknown): { code: string; message: string; problems: unknown } {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidInputError || (error instanceof Error && 'code' in error)) {
      const { code, message, problems } = error as InvalidInputError
      return { code, message, problems }
    }
    throw error
  }
  throw new Error('expected the parse to fail')
}

describe('parseYaml', () => {
  it('parses a plain document', () => {
    expect(parseYaml('name: Acme\nemployees: 12\n', 'p.yaml')).toEqual({
      name: 'Acme',
      employees: 12,
    })
  })

  it('refuses 100,000 nested flow sequences quickly, before the parser can crash', () => {
    const started = performance.now()
    expect(failure(() => parseYaml('['.repeat(100_000), 'deep.yaml'))).toEqual({
      code: 'INVALID_INPUT',
      message: 'deep.yaml is nested too deeply',
      problems: [
        {
          file: 'deep.yaml',
          line: 1,
          message: 'nesting deeper than 64 levels is refused (limit: 64)',
        },
      ],
    })
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('refuses a billion-laughs alias expansion', () => {
    expect(failure(() => parseYaml(BILLION_LAUGHS, 'lol.yaml')).problems).toEqual([
      {
        file: 'lol.yaml',
        line: 1,
        message: 'more than 100 alias expansions (a "billion laughs" document?) are refused',
      },
    ])
  })

  it('refuses duplicate keys and names the line', () => {
    expect(
      failure(() => parseYaml('name: A\nemployees: 3\nname: B\n', 'dup.yaml')).problems,
    ).toEqual([{ file: 'dup.yaml', line: 3, message: 'Map keys must be unique' }])
  })

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s with its line', (key) => {
    expect(
      failure(() => parseYaml(`name: A\nai:\n  ${key}: {polluted: true}\n`, 'p.yaml')).problems,
    ).toEqual([{ file: 'p.yaml', line: 3, field: key, message: `the key "${key}" is not allowed` }])
  })

  it('keeps merge keys as plain keys instead of merging', () => {
    expect(parseYaml('base: &b {x: 1}\nother:\n  <<: *b\n', 'm.yaml')).toEqual({
      base: { x: 1 },
      other: { '<<': { x: 1 } },
    })
  })

  it('refuses tags it does not know, such as !!binary', () => {
    expect(failure(() => parseYaml('a: !!binary aGk=\n', 't.yaml')).problems).toEqual([
      { file: 't.yaml', line: 1, message: 'Unresolved tag: tag:yaml.org,2002:binary' },
    ])
  })

  it('refuses a text over the size limit', () => {
    expect(failure(() => parseYaml(`a: ${'x'.repeat(100)}`, 'big.yaml', { maxBytes: 64 }))).toEqual(
      {
        code: 'TOO_LARGE',
        message: 'big.yaml is larger than the 64 bytes limit',
        problems: [],
      },
    )
  })

  it('refuses two documents where one is expected', () => {
    expect(failure(() => parseYaml('a: 1\n---\nb: 2\n', 'two.yaml')).problems).toEqual([
      { file: 'two.yaml', line: 3, message: 'a second document starts here; expected exactly one' },
    ])
  })
})

describe('parseYamlDocuments', () => {
  it('returns every document of a stream in order', () => {
    expect(parseYamlDocuments('a: 1\n---\nb: 2\n', 's.yaml')).toEqual([{ a: 1 }, { b: 2 }])
  })
})

describe('parseLocatedYaml', () => {
  it('finds the line of a nested value, offset by the first line of the slice', () => {
    const [document] = parseLocatedYaml('name: A\nai:\n  centrality: big\n', 's.yaml', {
      firstLine: 10,
    })
    expect([
      document?.line,
      document?.lineOf(['ai', 'centrality']),
      document?.lineOf(['ai', 'missing']),
    ]).toEqual([10, 12, 12])
  })
})

describe('parseJson', () => {
  it('parses JSON and locates values lazily', () => {
    const document = parseJson(
      '{\n  "name": "A",\n  "ai": {\n    "centrality": 3\n  }\n}',
      'p.json',
    )
    expect([document.value, document.lineOf(['ai', 'centrality'])]).toEqual([
      { name: 'A', ai: { centrality: 3 } },
      4,
    ])
  })

  it('names the line of a syntax error', () => {
    expect(failure(() => parseJson('{\n  "a": 1,\n}', 'bad.json')).problems).toMatchObject([
      { file: 'bad.json', line: 3 },
    ])
  })

  it('refuses a __proto__ key without touching Object.prototype', () => {
    expect(
      failure(() => parseJson('{"ai": {"__proto__": {"polluted": true}}}', 'p.json')).problems,
    ).toEqual([
      {
        file: 'p.json',
        line: 1,
        field: 'ai.__proto__',
        message: 'the key "__proto__" is not allowed',
      },
    ])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('refuses deep nesting before JSON.parse', () => {
    expect(failure(() => parseJson('['.repeat(100_000), 'deep.json')).message).toBe(
      'deep.json is nested too deeply',
    )
  })
})
