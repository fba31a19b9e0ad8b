import { describe, expect, it } from 'vitest'
import { theClassifierDocument } from '../../../test/stakes-builders.js'
import { compileClassifier } from './compile-classifier.js'

describe('playbooks/eu-ai-act.yaml', () => {
  it('compiles without issues', () => {
    const result = compileClassifier(theClassifierDocument())
    expect(result.ok ? [] : result.error).toEqual([])
  })

  it('carries its id, version and as-of date', () => {
    const result = compileClassifier(theClassifierDocument())
    expect(result.ok && [result.value.id, result.value.version, result.value.asOf]).toEqual([
      'eu-ai-act',
      '1.0.0',
      '2026-12-07',
    ])
  })
})
