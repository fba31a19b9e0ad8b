import { describe, expect, it } from 'vitest'
import { aProfile, compileFile, readYaml, thePlaybook } from '../../test/engine-builders.js'
import type { PlaybookDoc } from './playbook-schema.js'
import { assess } from './assess.js'
import { compilePlaybook } from './compile-playbook.js'

const defaultDoc = () =>
  structuredClone(readYaml('playbooks/tandem-default.yaml')) as PlaybookDoc &
    Record<string, unknown>

function errorsOf(doc: unknown) {
  const result = compilePlaybook(doc)
  if (result.ok) throw new Error('expected the playbook to be refused')
  return result.error.map((i) => ({ path: i.path.join('.'), code: i.code }))
}

describe('compilePlaybook', () => {
  it('compiles the shipped default playbook with its id and version', () => {
    expect({ id: thePlaybook().id, version: thePlaybook().version }).toEqual({
      id: 'tandem-default',
      version: '1.0.0',
    })
  })

  it('is deeply frozen: a caller cannot change the answers of later assessments', () => {
    const playbook = compileFile('playbooks/tandem-default.yaml')
    const charter = playbook.charters['separate-full-time']
    expect(Object.isFrozen(playbook)).toBe(true)
    expect(Object.isFrozen(charter.rows[0])).toBe(true)
    expect(() => {
      ;(playbook.doc.thresholds.size as { midsizeMin: number }).midsizeMin = 1
    }).toThrow(TypeError)
    expect(playbook.doc.thresholds.size.midsizeMin).toBe(30)
  })

  it('refuses an unknown field, naming its path', () => {
    const doc = defaultDoc()
    ;(doc.thresholds.size as Record<string, unknown>)['hugeMin'] = 1000
    expect(errorsOf(doc)).toEqual([{ path: 'thresholds.size.hugeMin', code: 'unknown_field' }])
  })

  it('refuses a rule that cites a passage that does not exist', () => {
    const doc = defaultDoc()
    doc.rules[0]!.source.push('no-such-passage')
    expect(errorsOf(doc)).toEqual([{ path: 'rules.0.source.4', code: 'unknown_passage' }])
  })

  it('refuses a level that is not in the vocabulary, naming the path', () => {
    const doc = defaultDoc()
    ;(doc.rules[1]!.when as Record<string, unknown>)['centrality'] = ['central']
    expect(errorsOf(doc)).toEqual([{ path: 'rules.1.when.centrality.0', code: 'invalid_value' }])
  })

  it('refuses rules that leave some organizations undecided', () => {
    const doc = defaultDoc()
    doc.rules = doc.rules.filter((r) => r.id !== 'startup-default')
    const issues = compilePlaybook(doc)
    expect(issues.ok).toBe(false)
    if (!issues.ok) {
      expect(issues.error[0]?.code).toBe('uncovered')
      expect(issues.error[0]?.message).toMatch(
        /^no rule matches size=startup, complexity=low, centrality=peripheral/,
      )
    }
  })

  it('refuses a charter template that leaves a row without an Accountable', () => {
    const doc = defaultDoc()
    doc.charter.rows[0] = { ...doc.charter.rows[0]!, cells: { tech: 'R', Engineering: 'R' } }
    expect(errorsOf(doc)).toContainEqual({
      path: 'charter.separate-full-time.rows.0.cells',
      code: 'no_accountable',
    })
  })

  it('refuses inverted size thresholds', () => {
    const doc = defaultDoc()
    doc.thresholds.size = { midsizeMin: 100, largeMin: 30 }
    expect(errorsOf(doc)).toEqual([{ path: 'thresholds.size.largeMin', code: 'invalid_threshold' }])
  })
})

describe('a custom playbook (examples/playbooks/northstar-advisory.yaml)', () => {
  const custom = () => compileFile('examples/playbooks/northstar-advisory.yaml')

  it('changes outcomes through data alone: a 25-person company is mid-size there, a startup by default', () => {
    const profile = aProfile({ employees: 25, engineers: 8, ai: { centrality: 'important' } })
    expect(assess(profile, thePlaybook()).recommendation.structure).toBe('unified-fractional')
    expect(assess(profile, custom()).recommendation.structure).toBe('cto-plus-fractional-caio')
  })

  it('treats two products with 12 engineers as high complexity', () => {
    const profile = aProfile({ employees: 15, engineers: 12, products: 2 })
    expect(assess(profile, thePlaybook()).questions[0]?.level).toBe('medium')
    expect(assess(profile, custom()).questions[0]?.level).toBe('high')
  })

  it('is recorded in every assessment it makes', () => {
    expect(assess(aProfile(), custom()).playbook).toEqual({
      id: 'northstar-advisory',
      version: '2.1.0',
    })
  })
})
