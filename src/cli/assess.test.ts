import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../test/cli-harness.js'
import { aTempDir } from '../../test/io-builders.js'

const STARTUP = 'examples/startup-seed.yaml'
const FINTECH = 'examples/fintech-200.yaml'

describe('tandem assess', () => {
  it('prints the Markdown report of a profile on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['assess', STARTUP])
    expect([code, stderr, stdout.split('\n')[0]]).toEqual([
      0,
      '',
      '# Tandem assessment: Lumen Notes',
    ])
    expect(stdout).toContain('`unified-fractional`')
  })

  it('writes the assessment as JSON with the playbook it was made with', async () => {
    const { code, stdout } = await runCli(['assess', FINTECH, '--format', 'json'])
    const assessment = JSON.parse(stdout) as {
      schema: string
      playbook: { id: string; version: string }
      recommendation: { structure: string }
    }
    expect([
      code,
      assessment.schema,
      assessment.playbook,
      assessment.recommendation.structure,
    ]).toEqual([
      0,
      'tandem/assessment@1',
      { id: 'tandem-default', version: '1.0.0' },
      'separate-full-time',
    ])
  })

  it('writes the compact summary with --detail summary, the shape of a batch summary row', async () => {
    const { code, stdout, stderr } = await runCli(['assess', FINTECH, '--detail', 'summary'])
    expect([code, stderr]).toEqual([0, ''])
    const full = JSON.parse((await runCli(['assess', FINTECH, '--format', 'json'])).stdout) as {
      recommendation: { structure: string }
      antiPatterns: { id: string }[]
      questions: { id: string; level: string }[]
    }
    const summary = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(summary)).toEqual([
      'name',
      'structure',
      'complexity',
      'ai-centrality',
      'cross-functional-reach',
      'failure-stakes',
      'budget',
      'antiPatterns',
    ])
    expect(summary).toMatchObject({
      name: 'Northwind Payments',
      structure: full.recommendation.structure,
      antiPatterns: full.antiPatterns.map((finding) => finding.id),
    })
    expect(stdout.length).toBeLessThan(500)
    const refused = await runCli(['assess', FINTECH, '--detail', 'summary', '--format', 'md'])
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'tandem: --detail summary writes JSON: use --format json, not md\n',
    ])
  })

  it('refuses more use cases or growth steps than a profile may hold, naming the limit', async () => {
    const useCases = Array.from({ length: 51 }, (_, i) => ({ name: `Use ${i}`, area: 'other' }))
    const { code, stderr } = await runCli(['assess', '-', '--format', 'json'], {
      stdin: JSON.stringify({
        name: 'Many',
        employees: 12,
        engineers: 5,
        ai: { centrality: 'important', useCases },
        growth: Array.from({ length: 25 }, (_, i) => ({ at: `${2030 + i}-01` })),
      }),
    })
    expect(code).not.toBe(0)
    expect(stderr).toContain('ai.useCases: at most 50 use cases per profile')
    expect(stderr).toContain('growth: at most 24 growth steps per profile')
  })

  it('reads the profile from stdin with -', async () => {
    const { code, stdout } = await runCli(['assess', '-', '--format', 'json'], {
      stdin:
        '{"name": "Piped", "employees": 12, "engineers": 5, "ai": {"centrality": "important"}}',
    })
    expect([code, (JSON.parse(stdout) as { profile: { name: string } }).profile.name]).toEqual([
      0,
      'Piped',
    ])
  })

  it('writes HTML to --out, choosing the format from the extension', async () => {
    const dir = aTempDir()
    const out = join(dir, 'report.html')
    const { code, stdout } = await runCli(['assess', STARTUP, '--out', out])
    expect([code, stdout, readFileSync(out, 'utf8').startsWith('<!doctype html>')]).toEqual([
      0,
      '',
      true,
    ])
  })

  it('uses another playbook with --playbook and records its id', async () => {
    const { stdout } = await runCli([
      'assess',
      STARTUP,
      '--format',
      'json',
      '--playbook',
      'examples/playbooks/northstar-advisory.yaml',
    ])
    expect((JSON.parse(stdout) as { playbook: { id: string } }).playbook.id).not.toBe(
      'tandem-default',
    )
  })

  it('refuses to write the report over the profile it reads', async () => {
    const dir = aTempDir({ 'p.yaml': readFileSync(STARTUP, 'utf8') })
    const path = join(dir, 'p.yaml')
    const { code, stderr } = await runCli(['assess', path, '--out', path])
    expect([code, stderr, readFileSync(path, 'utf8')]).toEqual([
      2,
      `tandem: refusing to overwrite the input file ${path} with results\n`,
      readFileSync(STARTUP, 'utf8'),
    ])
  })

  it('exits 4 when --out cannot be written, naming the file', async () => {
    const { code, stderr } = await runCli(['assess', STARTUP, '--out', '/no/such/dir/report.md'])
    expect([code, stderr]).toEqual([4, 'tandem: cannot write /no/such/dir/report.md (ENOENT)\n'])
  })
})

describe('tandem charter', () => {
  it("exports the charter as CSV with the structure's seats as columns", async () => {
    const { code, stdout } = await runCli(['charter', FINTECH, '--format', 'csv'])
    expect([code, stdout.split(/\r?\n/)[0]]).toEqual([
      0,
      'group,id,area,CTO,CAIO,CEO,Engineering,Business functions',
    ])
  })

  it('exports the charter as JSON', async () => {
    const { code, stdout } = await runCli(['charter', STARTUP, '--format', 'json'])
    const charter = JSON.parse(stdout) as { structure: string; columns: string[] }
    expect([code, charter.structure, charter.columns[0]]).toEqual([
      0,
      'unified-fractional',
      'CTO/CAIO',
    ])
  })
})

describe('tandem playbook', () => {
  it('shows the default playbook: id, version, thresholds and rules', async () => {
    const { code, stdout } = await runCli(['playbook', 'show'])
    const lines = stdout.split('\n')
    expect([code, lines[0], lines.includes('  size: midsizeMin 30, largeMin 100')]).toEqual([
      0,
      'tandem-default 1.0.0: The CTO–CAIO partnership (default)',
      true,
    ])
    expect(stdout).toContain('  3. startup-default -> unified-fractional  when size in [startup]\n')
  })

  it('validates a good playbook with exit 0', async () => {
    const file = 'playbooks/tandem-default.yaml'
    expect(await runCli(['playbook', 'validate', file])).toEqual({
      code: 0,
      stdout: `${file}: valid playbook tandem-default 1.0.0\n`,
      stderr: '',
    })
  })

  it('refuses a bad playbook with exit 3 and every path inside the file', async () => {
    const text = readFileSync('playbooks/tandem-default.yaml', 'utf8')
      .replace('midsizeMin: 30', 'midsizeMin: thirty')
      .replace('id: tandem-default', 'id: tandem-default\nauthor: me')
    const dir = aTempDir({ 'bad.yaml': text })
    const file = join(dir, 'bad.yaml')
    const { code, stdout, stderr } = await runCli(['playbook', 'validate', file])
    const line = text.split('\n').findIndex((l) => l.includes('midsizeMin: thirty')) + 1
    expect([code, stdout]).toEqual([3, ''])
    expect(stderr.split('\n')).toEqual([
      `tandem: ${file} is not a valid playbook`,
      `  ${file}, line ${line}: thresholds.size.midsizeMin: Invalid input: expected number, received string`,
      `  ${file}, line 7: author: unknown field "author"`,
      '',
    ])
  })
})
