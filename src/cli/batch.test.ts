import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../test/cli-harness.js'
import { aProfileDocument, aTempDir, ndjson } from '../../test/io-builders.js'

const HEADER =
  'name,employees,engineers,products,industry,ai.centrality,ai.functions,budget.fullTimeLeaders,current.seats'

// Three rows around a refused one: a startup, a bad row, a large AI-core fintech, a mid-size company.
const CSV = [
  HEADER,
  'Seedling,12,5,1,software,important,marketing,0,',
  'Broken,40,12,1,software,central,,1,CTO:full-time',
  'Northwind,200,70,3,financial-services,core,sales;operations;finance,2,CTO:full-time',
  'Midway,60,20,1,logistics,important,sales;operations,1,',
  '',
].join('\n')

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean)
}

describe('tandem batch', () => {
  it('writes every valid row in input order around a refused row, reports it by row and field, exits 1', async () => {
    const dir = aTempDir({ 'in.csv': CSV })
    const out = join(dir, 'out.ndjson')
    const errors = join(dir, 'errors.ndjson')
    const { code, stdout, stderr } = await runCli([
      'batch',
      join(dir, 'in.csv'),
      '--out',
      out,
      '--errors',
      errors,
    ])
    expect([code, stdout]).toEqual([1, ''])
    expect(lines(out).map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        name: 'Seedling',
        structure: 'unified-fractional',
        complexity: 'low',
        'ai-centrality': 'important',
        'cross-functional-reach': 'narrow',
        'failure-stakes': 'normal',
        budget: 'fractional',
        antiPatterns: [],
      },
      {
        name: 'Northwind',
        structure: 'separate-full-time',
        complexity: 'high',
        'ai-centrality': 'core',
        'cross-functional-reach': 'broad',
        'failure-stakes': 'high',
        budget: 'two',
        antiPatterns: ['cto-can-handle-ai'],
      },
      {
        name: 'Midway',
        structure: 'cto-plus-fractional-caio',
        complexity: 'low',
        'ai-centrality': 'important',
        'cross-functional-reach': 'moderate',
        'failure-stakes': 'normal',
        budget: 'one',
        antiPatterns: [],
      },
    ])
    expect(lines(errors).map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        row: 3,
        field: 'ai.centrality',
        message: 'Invalid option: expected one of "peripheral"|"important"|"core"',
      },
    ])
    expect(stderr.split('\n')).toEqual([
      `tandem: refused ${join(dir, 'in.csv')}, row 3: ai.centrality: Invalid option: expected one of "peripheral"|"important"|"core"`,
      'tandem batch: 3 profile(s) assessed, 1 refused',
      'tandem batch: structures: cto-plus-fractional-caio 1, separate-full-time 1, unified-fractional 1',
      'tandem batch: anti-patterns: cto-can-handle-ai 1',
      '',
    ])
  })

  it('writes CSV summaries with anti-patterns joined by ; and formula-like names neutralised', async () => {
    const dir = aTempDir({
      'in.ndjson': ndjson([
        aProfileDocument({ name: '=HYPERLINK("http://evil")', employees: 12, engineers: 5 }),
        aProfileDocument({
          name: 'Northwind',
          employees: 200,
          engineers: 70,
          products: 3,
          industry: 'financial-services',
          ai: { centrality: 'core' },
          budget: { fullTimeLeaders: 2 },
          current: {
            seats: [
              { title: 'CTO', engagement: 'full-time' },
              { title: 'CAIO', engagement: 'full-time', shippedAiSystems: false },
            ],
          },
        }),
      ]),
    })
    const out = join(dir, 'out.csv')
    const { code } = await runCli(['batch', join(dir, 'in.ndjson'), '--out', out])
    expect(code).toBe(0)
    expect(readFileSync(out, 'utf8').split('\r\n')).toEqual([
      '"name","structure","complexity","ai-centrality","cross-functional-reach","failure-stakes","budget","antiPatterns"',
      `"'=HYPERLINK(""http://evil"")","unified-fractional","low","important","narrow","normal","one",""`,
      '"Northwind","separate-full-time","high","core","narrow","high","two","caio-without-technical-depth;roles-later"',
      '',
    ])
  })

  it('writes whole assessments with --detail full', async () => {
    const dir = aTempDir({
      'in.yaml': 'name: A\nemployees: 12\nengineers: 5\nai: {centrality: important}\n',
    })
    const out = join(dir, 'out.ndjson')
    const { code } = await runCli(['batch', join(dir, 'in.yaml'), '--out', out, '--detail', 'full'])
    const [assessment] = lines(out).map(
      (line) => JSON.parse(line) as { schema: string; profile: { name: string } },
    )
    expect([code, assessment?.schema, assessment?.profile.name]).toEqual([
      0,
      'tandem/assessment@1',
      'A',
    ])
  })

  it('refuses --detail full with a CSV output as a usage error', async () => {
    expect(await runCli(['batch', 'in.csv', '--out', 'out.csv', '--detail', 'full'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tandem: --detail full writes whole assessments: use an .ndjson output file\n',
    })
  })

  it('refuses an output file whose format it cannot tell', async () => {
    const { code, stderr } = await runCli(['batch', 'in.csv', '--out', 'out.txt'])
    expect([code, stderr]).toEqual([
      2,
      'tandem: cannot tell the output format of "out.txt": use .ndjson, .jsonl or .csv\n',
    ])
  })

  it('requires --out', async () => {
    const { code, stderr } = await runCli(['batch', 'in.csv'])
    expect([code, stderr]).toEqual([
      2,
      "tandem: required option '-o, --out <file>' not specified\n",
    ])
  })

  it('exits 3 on a CSV with an unknown column, before writing any row', async () => {
    const dir = aTempDir({
      'in.csv': 'name,employees,engineers,ai.centrality,colour\nA,12,5,core,red\n',
    })
    const out = join(dir, 'out.ndjson')
    const { code, stderr } = await runCli(['batch', join(dir, 'in.csv'), '--out', out])
    expect([code, lines(out)]).toEqual([3, []])
    expect(stderr).toContain(`, row 1: unknown column "colour"; expected one of: name, employees,`)
  })

  it('draws progress only on an interactive stderr', async () => {
    const dir = aTempDir({ 'in.csv': CSV })
    const quiet = await runCli(['batch', join(dir, 'in.csv'), '--out', join(dir, 'a.ndjson')])
    const tty = await runCli(['batch', join(dir, 'in.csv'), '--out', join(dir, 'b.ndjson')], {
      isTTY: true,
    })
    expect([quiet.stderr.includes('\r'), tty.stderr.includes(' profiles  ')]).toEqual([false, true])
  })

  it('exits 4 on a missing input without creating the output file', async () => {
    const dir = aTempDir()
    const out = join(dir, 'out.ndjson')
    const { code, stderr } = await runCli(['batch', join(dir, 'missing.csv'), '--out', out])
    expect([code, stderr, existsSync(out)]).toEqual([
      4,
      `tandem: file "${join(dir, 'missing.csv')}" does not exist\n`,
      false,
    ])
  })

  it('refuses to write results over its input', async () => {
    const dir = aTempDir({ 'in.ndjson': ndjson([aProfileDocument()]) })
    const input = join(dir, 'in.ndjson')
    const { code, stderr } = await runCli(['batch', input, '--out', input])
    expect([code, stderr, lines(input).length]).toEqual([
      2,
      `tandem: refusing to overwrite the input file ${input} with results\n`,
      1,
    ])
  })
})
