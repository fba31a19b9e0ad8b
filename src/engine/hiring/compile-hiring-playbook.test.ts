import { describe, expect, it } from 'vitest'
import { readYaml } from '../../../test/engine-builders.js'
import { compileHiringPlaybook } from './compile-hiring-playbook.js'

const doc = readYaml('playbooks/tandem-default.yaml') as {
  hiring: Record<string, unknown> & { briefs: { CAIO: { mustHaves: { quote: string }[] } } }
  passages: Record<string, string | { text: string }>
}
const passage = (id: string) => {
  const p = doc.passages[id]
  return typeof p === 'string' ? p : p?.text
}

describe('compileHiringPlaybook', () => {
  it('accepts the shipped hiring block', () => {
    expect(compileHiringPlaybook(doc.hiring, passage).ok).toBe(true)
  })

  it('refuses a quote that is not a contiguous part of its passage', () => {
    const hiring = structuredClone(doc.hiring)
    hiring.briefs.CAIO.mustHaves[0]!.quote = 'they need to have shipped AI'
    expect(compileHiringPlaybook(hiring, passage)).toEqual({
      ok: false,
      error: [
        {
          code: 'quote_not_in_passage',
          path: ['briefs', 'CAIO', 'mustHaves', 0, 'quote'],
          message:
            '"they need to have shipped AI" is not a contiguous part of passage "ap-caio-depth"',
        },
      ],
    })
  })

  it('refuses an adjustment at a level its question does not have', () => {
    const hiring = {
      ...doc.hiring,
      adjustments: [{ holds: 'ai', question: 'failure-stakes', level: 'broad', days: 1, why: 'x' }],
    }
    const result = compileHiringPlaybook(hiring, passage)
    expect(result.ok ? [] : result.error.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_value', 'adjustments.0.level'],
    ])
  })
})
