import { describe, expect, it } from 'vitest'
import { readYaml, thePlaybook } from '../../../test/engine-builders.js'
import { compilePlaybook } from '../compile-playbook.js'

const defaultDoc = () => readYaml('playbooks/tandem-default.yaml') as Record<string, unknown>
const operationsOf = (doc: Record<string, unknown>) => doc['operations'] as Record<string, unknown>

describe('the playbook operations block', () => {
  it('loads the shipped gates and thresholds', () => {
    const operations = thePlaybook().operations
    expect(operations?.gates.pilot).toEqual([
      'caio-should-yes',
      'caio-metric',
      'cto-build-not-no',
      'use-case-not-prohibited',
    ])
    expect(operations?.signals['pilots-proliferate'].minPilots).toBe(3)
    expect(operations?.signals['partners-dont-talk'].windowDays).toBe(28)
  })

  it('rejects a threshold of the wrong type, naming its path', () => {
    const doc = defaultDoc()
    const signals = operationsOf(doc)['signals'] as Record<string, Record<string, unknown>>
    signals['roi-theoretical'] = { ...signals['roi-theoretical'], liveDays: 'soon' }
    const result = compilePlaybook(doc)
    expect(result.ok ? [] : result.error.map((i) => i.path.join('.'))).toEqual([
      'operations.signals.roi-theoretical.liveDays',
    ])
  })

  it('rejects a signal quoting a passage the block does not define', () => {
    const doc = defaultDoc()
    const signals = operationsOf(doc)['signals'] as Record<string, Record<string, unknown>>
    signals['unowned-work'] = { ...signals['unowned-work'], passage: 'nowhere' }
    const result = compilePlaybook(doc)
    expect(result.ok ? [] : result.error).toEqual([
      {
        code: 'unknown_passage',
        path: ['operations', 'signals', 'unowned-work', 'passage'],
        message: 'passage "nowhere" is not defined under operations.passages',
      },
    ])
  })

  it('lets a custom playbook change a gate', () => {
    const doc = defaultDoc()
    const gates = operationsOf(doc)['gates'] as Record<string, unknown>
    gates['pilot'] = ['caio-should-yes']
    const result = compilePlaybook(doc)
    expect(result.ok && result.value.operations?.gates.pilot).toEqual(['caio-should-yes'])
  })

  it('takes the given default block when a playbook has none of its own', () => {
    const doc = defaultDoc()
    const shipped = operationsOf(doc)
    delete doc['operations']
    const bare = compilePlaybook(doc)
    expect(bare.ok && bare.value.operations).toBe(null)
    const result = compilePlaybook(doc, { operations: shipped })
    expect(result.ok && result.value.operations?.roiWindowDays).toBe(90)
  })

  it('quotes the article verbatim: every passage is a contiguous part of one of its sentences', () => {
    const passages = thePlaybook().operations?.passages ?? {}
    const article = Object.values(thePlaybook().passages)
      .map((p) => p.text)
      .join(' ')
    // The shipped passages are the article's words; the block quotes parts of them.
    for (const passage of Object.values(passages)) {
      expect(article.toLowerCase()).toContain(passage.toLowerCase().replace(/\.$/, ''))
    }
  })
})
