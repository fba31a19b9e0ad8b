import { describe, expect, it } from 'vitest'
import { aQuestion } from '../../../test/web-questions.js'
import { answerFromText, describeAnswer, questionProblem, wizardSteps } from './wizard.js'

const centrality = aQuestion({
  id: 'centrality',
  field: 'ai.centrality',
  question: 'ai-centrality',
  type: 'choice',
  min: null,
  options: [
    { value: 'peripheral', label: 'Valuable but peripheral' },
    { value: 'core', label: 'Our primary differentiator' },
  ],
})

describe('wizardSteps', () => {
  it('asks each question, then the use cases, then the review', () => {
    const steps = wizardSteps([
      aQuestion(),
      aQuestion({ id: 'uc', field: 'ai.useCases' }),
      centrality,
    ])
    expect(steps.map((step) => (step.kind === 'question' ? step.question.id : step.kind))).toEqual([
      'employees',
      'centrality',
      'use-cases',
      'review',
    ])
  })
})

describe('answerFromText', () => {
  it.each([
    [aQuestion(), '42', 42],
    [aQuestion(), ' ', undefined],
    [aQuestion({ type: 'boolean' }), 'yes', true],
    [aQuestion({ type: 'boolean' }), 'no', false],
    [aQuestion({ type: 'text' }), ' Acme ', 'Acme'],
    [aQuestion({ type: 'multi-choice' }), 'sales; finance', ['sales', 'finance']],
  ] as const)('reads %# as the typed answer', (question, text, value) => {
    expect(answerFromText(question, text)).toEqual(value)
  })
})

describe('questionProblem', () => {
  it('asks for an answer to a required question', () => {
    expect(questionProblem(aQuestion(), {}, {})).toBe('Answer this question to continue.')
  })

  it('lets an optional question be skipped', () => {
    expect(questionProblem(aQuestion({ required: false }), {}, {})).toBeNull()
  })

  it('holds a number to the minimum', () => {
    expect(questionProblem(aQuestion(), { employees: 0 }, {})).toBe('Enter 1 or more.')
  })

  it('refuses a fraction for an integer question', () => {
    expect(questionProblem(aQuestion(), { employees: 2.5 }, {})).toBe('Enter a whole number.')
  })

  it('reports what the schema says about the field', () => {
    const engineers = aQuestion({ id: 'engineers', field: 'engineers', min: 0 })
    const errors = { engineers: 'engineers (12) must not exceed employees (10)' }
    expect(questionProblem(engineers, { employees: 10, engineers: 12 }, errors)).toBe(
      'engineers (12) must not exceed employees (10)',
    )
  })
})

describe('describeAnswer', () => {
  it.each([
    [centrality, 'core', 'Our primary differentiator'],
    [aQuestion({ type: 'multi-choice' }), [], 'None'],
    [aQuestion({ type: 'boolean' }), false, 'No'],
    [aQuestion(), undefined, 'Not answered'],
    [aQuestion(), 60, '60'],
  ] as const)('describes answer %# for the review', (question, value, text) => {
    expect(describeAnswer(question, value)).toBe(text)
  })
})
