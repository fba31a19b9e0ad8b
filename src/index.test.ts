import { describe, expect, it } from 'vitest'
import { assess, InvalidInputError, renderMarkdown } from './index.js'

describe('the library entry', () => {
  it('assesses a plain profile object with the shipped playbook', () => {
    const a = assess({ name: 'Acme', employees: 12, engineers: 4, ai: { centrality: 'important' } })
    expect([a.recommendation.structure, a.playbook.id]).toEqual([
      'unified-fractional',
      'tandem-default',
    ])
    expect(renderMarkdown(a)).toContain('Acme')
  })

  it('throws InvalidInputError naming each field that is wrong', () => {
    let caught: unknown
    try {
      assess({
        name: 'Acme',
        employees: 0,
        engineers: 4,
        ai: { centrality: 'central' },
        colour: 'blue',
      })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidInputError)
    expect((caught as InvalidInputError).problems.map((p) => p.field)).toEqual([
      'employees',
      'ai.centrality',
      'colour',
    ])
  })
})
