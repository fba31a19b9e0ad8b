import { describe, expect, it } from 'vitest'
import { runCli } from '../../../test/cli-harness.js'

describe('tandem brief', () => {
  it('writes a brief for each seat of the recommended structure', async () => {
    const { code, stdout, stderr } = await runCli(['brief', 'examples/fit/keep-the-cto.yaml'])
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout.match(/^## .*$/gm)).toEqual([
      '## CTO (full-time): development brief',
      '## CAIO (fractional): search brief',
    ])
  })

  it('writes one seat with --seat, as JSON with --format json', async () => {
    const { code, stdout } = await runCli([
      'brief',
      'examples/fintech-200.yaml',
      '--seat',
      'CAIO',
      '--format',
      'json',
    ])
    const doc = JSON.parse(stdout) as { schema: string; briefs: { title: string; kind: string }[] }
    expect([code, doc.schema, doc.briefs.map((b) => [b.title, b.kind])]).toEqual([
      0,
      'tandem/briefs@1',
      [['CAIO', 'kept']],
    ])
  })

  it('exits 2 naming the structure’s seats when --seat names a seat it does not have', async () => {
    const { code, stdout, stderr } = await runCli([
      'brief',
      'examples/startup-seed.yaml',
      '--seat',
      'CAIO',
    ])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(
      /^tandem: --seat CAIO: the recommended structure \(.+\) has no such seat; its seats are CTO\/CAIO\n$/,
    )
  })

  it('writes self-contained HTML', async () => {
    const { stdout } = await runCli(['brief', 'examples/fintech-200.yaml', '--format', 'html'])
    expect(stdout.startsWith('<!doctype html>')).toBe(true)
    expect(stdout).not.toMatch(/<script|https?:\/\//)
  })
})
