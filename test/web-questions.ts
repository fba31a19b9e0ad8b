import type { QuestionDefinition } from '../src/engine/playbook-schema.js'

/** A playbook question definition for the wizard's tests. */
export function aQuestion(overrides: Partial<QuestionDefinition> = {}): QuestionDefinition {
  return {
    id: 'employees',
    field: 'employees',
    question: null,
    prompt: 'How many people work here?',
    help: 'Large organizations (100+ employees) ...',
    source: null,
    type: 'integer',
    options: [],
    min: 1,
    required: true,
    ...overrides,
  }
}
