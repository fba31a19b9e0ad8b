import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InvalidPlaybookError } from '../errors/invalid-playbook-error.js'
import { defaultPlaybook, loadPlaybook } from './load-playbook.js'

const tempFile = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'tandem-playbook-')), name)
  writeFileSync(path, text)
  return path
}

describe('loadPlaybook', () => {
  it('loads the shipped playbook with the EU AI Act classifier', () => {
    const playbook = defaultPlaybook()
    expect([playbook.id, playbook.version, playbook.classifier?.id]).toEqual([
      'tandem-default',
      '1.0.0',
      'eu-ai-act',
    ])
  })

  it('loads the example custom playbook from its file', async () => {
    const playbook = await loadPlaybook('examples/playbooks/northstar-advisory.yaml')
    expect([playbook.id, playbook.doc.thresholds.size.midsizeMin]).toEqual([
      'northstar-advisory',
      20,
    ])
  })

  it('names the file, the line and the path inside it for an invalid value', async () => {
    const text = (await import('node:fs'))
      .readFileSync('playbooks/tandem-default.yaml', 'utf8')
      .replace('largeMin: 100', 'largeMin: lots')
    const path = tempFile('bad.yaml', text)
    const line = text.split('\n').findIndex((l) => l.includes('largeMin: lots')) + 1
    const error = await loadPlaybook(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidPlaybookError)
    const problem = (error as InvalidPlaybookError).problems[0]
    expect([problem?.file, problem?.line, problem?.field]).toEqual([
      path,
      line,
      'thresholds.size.largeMin',
    ])
  })

  it('refuses a document that is not a playbook at all', async () => {
    const error = (await loadPlaybook(tempFile('empty.yaml', 'hello: world\n')).catch(
      (e: unknown) => e,
    )) as InvalidPlaybookError
    expect(error.code).toBe('INVALID_PLAYBOOK')
    expect(error.problems.map((p) => p.field)).toContain('schema')
  })
})
