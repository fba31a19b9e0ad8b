import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../test/cli-harness.js'
import { repoPath } from '../../test/engine-builders.js'

const example = repoPath('examples/operations/meridian-freight.yaml')

describe('tandem signals', () => {
  it('lists the example register’s signals as JSON', async () => {
    const result = await runCli(['signals', example, '--as-of', '2026-11-30', '--format', 'json'])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.stdout) as { asOf: string; signals: { key: string }[] }
    expect(body.asOf).toBe('2026-11-30')
    expect(body.signals.map((s) => s.key)).toEqual([
      'production-stalls:initiative/driver-scheduling',
      'partners-dont-talk:organization',
      'lenses-disagree:initiative/pricing-copilot',
      'infrastructure-cant-support:initiative/demand-forecast',
      'unowned-work:decision/d-1102-1',
      'gate-overridden:initiative/support-chatbot',
    ])
  })

  it('renders Markdown by default, with acknowledgements shown', async () => {
    const result = await runCli(['signals', example, '--as-of', '2026-11-30'])
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '# Signals: Meridian Freight, as of 2026-11-30',
      '',
      'Playbook tandem-default 1.0.0 · 6 signals',
    ])
    expect(result.stdout).toContain('Acknowledged by luis until 2026-12-18')
  })

  it('refuses an --as-of that is not a day, naming the option', async () => {
    const result = await runCli(['signals', example, '--as-of', '2026-02-30'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('tandem: --as-of must be a date as YYYY-MM-DD, not "2026-02-30"\n')
  })

  it('names the file, line and field of an invalid operations file, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-ops-'))
    const file = join(dir, 'bad.yaml')
    writeFileSync(
      file,
      "schema: tandem/operations@1\norganization: { name: X }\ninitiatives:\n  - { id: a, title: A, createdAt: '2026-13-01' }\n",
    )
    const result = await runCli(['signals', file, '--as-of', '2026-11-30'])
    expect(result.code).toBe(3)
    expect(result.stderr).toBe(
      `tandem: ${file} is not a valid operations file\n  ${file}, line 4: initiatives[0].createdAt: a date as YYYY-MM-DD or a date-time as YYYY-MM-DDTHH:MM:SSZ\n`,
    )
  })
})

describe('tandem agenda', () => {
  it('prints the generated agenda with its sources', async () => {
    const result = await runCli(['agenda', example, '--as-of', '2026-11-30'])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      '# Agenda: Meridian Freight, next alignment meeting (as of 2026-11-30)',
      '',
      '1. Decision “Define the shift-scheduling oversight owner with HR” (CAIO) was due 2026-10-30 (`driver-scheduling`)',
      '2. Decision “Agree on the data-retention period for ETA logs” (no owner) was due 2026-11-20 (`route-eta`)',
    ])
  })
})

describe('tandem digest', () => {
  it('writes the digest for a period as Markdown, HTML or JSON', async () => {
    const md = await runCli(['digest', example, '--since', '2026-11-01', '--until', '2026-11-30'])
    expect(md.code).toBe(0)
    expect(md.stdout.split('\n')[0]).toBe(
      '# Tandem digest: Meridian Freight, 2026-11-01 to 2026-11-30',
    )
    const json = await runCli(['digest', example, '--until', '2026-11-30', '--format', 'json'])
    expect((JSON.parse(json.stdout) as { period: unknown }).period).toEqual({
      since: '2026-11-24',
      until: '2026-11-30',
    })
    const dir = mkdtempSync(join(tmpdir(), 'tandem-digest-'))
    const out = join(dir, 'digest.html')
    const html = await runCli([
      'digest',
      example,
      '--until',
      '2026-11-30',
      '--format',
      'html',
      '--out',
      out,
    ])
    expect(html.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<h1>Meridian Freight</h1>')
  })

  it('refuses a period that ends before it starts', async () => {
    const result = await runCli([
      'digest',
      example,
      '--since',
      '2026-12-01',
      '--until',
      '2026-11-30',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('tandem: --since 2026-12-01 is after --until 2026-11-30\n')
  })
})
