import type { ClassifiedUseCase } from '../src/engine/stakes/classifier-schema.js'
import type { Classifier } from '../src/engine/stakes/compile-classifier.js'
import { compileClassifier } from '../src/engine/stakes/compile-classifier.js'
import { readYaml } from './engine-builders.js'

let cached: Classifier | undefined

/** The shipped EU AI Act classifier (`playbooks/eu-ai-act.yaml`), compiled once. */
export function theClassifier(): Classifier {
  if (cached) return cached
  const compiled = compileClassifier(theClassifierDocument())
  if (!compiled.ok)
    throw new Error(`eu-ai-act classifier invalid: ${JSON.stringify(compiled.error)}`)
  cached = compiled.value
  return cached
}

/** The shipped classifier as parsed YAML, for tests that break it on purpose. */
export function theClassifierDocument(): Record<string, unknown> {
  return readYaml('playbooks/eu-ai-act.yaml') as Record<string, unknown>
}

/** A use case record named "Use case", with the given facts. */
export function aUseCase(facts: Omit<ClassifiedUseCase, 'name'> = {}): ClassifiedUseCase {
  return { name: 'Use case', ...facts }
}

/**
 * A minimal valid classifier document: one yes/no question on `manipulative` leading to a
 * prohibited and a minimal conclusion. Tests change one part of it at a time.
 */
export function aClassifierDocument(): {
  schema: string
  id: string
  version: string
  title: string
  source: string
  asOf: string
  tier: string
  transparency: string[]
  questions: Record<string, unknown>[]
  conclusions: Record<string, unknown>[]
} {
  return {
    schema: 'tandem/classifier@1',
    id: 'tiny',
    version: '1',
    title: 'Tiny classifier',
    source: 'Regulation (EU) 2024/1689',
    asOf: '2026-11-28',
    tier: 'q-manipulative',
    transparency: [],
    questions: [
      {
        id: 'q-manipulative',
        reads: 'manipulative',
        ref: 'Art. 5(1)(a)',
        summary: 'Manipulative techniques are prohibited.',
        ask: 'Is it manipulative?',
        answers: [{ value: true, next: 'c-prohibited' }],
        otherwise: 'c-minimal',
      },
    ],
    conclusions: [
      { id: 'c-prohibited', tier: 'prohibited', ref: 'Art. 5(1)(a)', summary: 'Prohibited.' },
      { id: 'c-minimal', tier: 'minimal', ref: 'Art. 6', summary: 'Minimal.' },
    ],
  }
}
