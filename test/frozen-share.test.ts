import { describe, expect, it } from 'vitest'
import { assess } from '../src/engine/assess.js'
import { anExample, thePlaybook } from './engine-builders.js'
import { frozenShare, reachable } from './frozen-share.js'

// The contract the reply serializer relies on (docs/decisions.md, "Replies reuse the JSON of frozen
// parts"): measured at 48–76 % on these examples when it was written down.

const EXAMPLES = [
  'fintech-200.yaml',
  'growth-plan.yaml',
  'midsize-logistics.yaml',
  'startup-seed.yaml',
]

describe('an assessment and the playbook it came from', () => {
  const playbook = thePlaybook()
  const shared = reachable(playbook)

  it.each(EXAMPLES)(
    // 30 %: an assessment with today's seats builds its change and fit per request (§4a); the rest is shared.
    'share at least 30 %% of the JSON of %s as the playbook’s own frozen objects',
    (file) => {
      expect(frozenShare(assess(anExample(file), playbook), shared)).toBeGreaterThanOrEqual(0.3)
    },
  )

  it('share the charter and the cadence themselves, not copies of them', () => {
    const assessment = assess(anExample('midsize-logistics.yaml'), playbook)
    const structure = assessment.recommendation.structure
    expect(assessment.charter).toBe(playbook.charters[structure])
    expect(Object.isFrozen(assessment.charter)).toBe(true)
  })

  it('share nothing once the assessment is copied, which is what the measure catches', () => {
    const copy = structuredClone(assess(anExample('midsize-logistics.yaml'), playbook))
    expect(frozenShare(copy, shared)).toBe(0)
  })
})
