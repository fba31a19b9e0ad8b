import { describe, expect, it } from 'vitest'
import type { UseCaseStakes } from '../types.js'
import { aUseCase, theClassifier } from '../../../test/stakes-builders.js'
import { classify } from './classify.js'
import { regulatoryMilestones } from './regulatory-milestones.js'

const stakesOf = (name: string, facts: Parameters<typeof aUseCase>[0]): UseCaseStakes => ({
  name,
  level: 'normal',
  reason: '',
  classification: classify({ ...aUseCase(facts), name }, theClassifier()),
})

describe('regulatoryMilestones', () => {
  it('merges the use cases milestones by date, naming the use cases each applies to', () => {
    const result = regulatoryMilestones([
      stakesOf('Hiring screen', { point: '4a' }),
      stakesOf('Support chatbot', { interactsWithPeople: true }),
    ])
    expect(result.milestones.map((m) => [m.date, m.status, m.useCases])).toEqual([
      ['2025-02-02', 'in-force', ['Hiring screen', 'Support chatbot']],
      ['2026-08-02', 'in-force', ['Hiring screen', 'Support chatbot']],
      ['2026-12-02', 'to-confirm', ['Hiring screen', 'Support chatbot']],
      ['2027-12-02', 'to-confirm', ['Hiring screen']],
    ])
    expect(result.warnings).toHaveLength(1)
  })

  it('gives nothing for a profile without classified use cases', () => {
    expect(
      regulatoryMilestones([{ name: 'x', level: 'high', reason: 'area', classification: null }]),
    ).toEqual({ milestones: [], warnings: [] })
  })
})
