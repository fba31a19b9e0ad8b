import { describe, expect, it } from 'vitest'
import { aClassifierDocument, theClassifierDocument } from '../../../test/stakes-builders.js'
import { compileClassifier } from './compile-classifier.js'

const issuesOf = (doc: unknown) => {
  const result = compileClassifier(doc)
  return result.ok ? [] : result.error
}

describe('compileClassifier', () => {
  it('compiles a valid document and links its tree', () => {
    const result = compileClassifier(aClassifierDocument())
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const root = result.value.tier
    expect(
      root.kind === 'question' && [root.id, root.answers[0]?.next.id, root.otherwise.next.id],
    ).toEqual(['q-manipulative', 'c-prohibited', 'c-minimal'])
  })

  it('refuses a dangling reference and names its path', () => {
    const doc = aClassifierDocument()
    doc.questions[0] = { ...doc.questions[0], answers: [{ value: true, next: 'c-nowhere' }] }
    expect(issuesOf(doc)).toEqual([
      {
        code: 'dangling_reference',
        path: ['questions', 0, 'answers', 0, 'next'],
        message: '"c-nowhere" is not the id of any question or conclusion',
      },
    ])
  })

  it('refuses a dangling tier entry', () => {
    expect(issuesOf({ ...aClassifierDocument(), tier: 'q-missing' })).toEqual([
      {
        code: 'dangling_reference',
        path: ['tier'],
        message: '"q-missing" is not the id of any question or conclusion',
      },
    ])
  })

  it('refuses a question without "otherwise": a path that ends without a conclusion', () => {
    const doc = aClassifierDocument()
    const question = { ...doc.questions[0] }
    delete question.otherwise
    doc.questions[0] = question
    expect(issuesOf(doc)).toEqual([
      {
        code: 'dead_end',
        path: ['questions', 0, 'otherwise'],
        message:
          'question "q-manipulative" has no "otherwise": a use case that gives none of its answers would end without a conclusion',
      },
    ])
  })

  it('refuses a tier-tree path that ends in a conclusion without a tier', () => {
    const doc = aClassifierDocument()
    doc.conclusions[1] = { id: 'c-minimal', ref: 'Art. 6', summary: 'Minimal.' }
    expect(issuesOf(doc)).toEqual([
      {
        code: 'missing_tier',
        path: ['conclusions', 1, 'tier'],
        message: 'conclusion "c-minimal" ends a path of the tier tree but sets no tier',
      },
    ])
  })

  it('refuses a cycle and names the branch that closes it', () => {
    const doc = aClassifierDocument()
    doc.questions[0] = { ...doc.questions[0], otherwise: 'q-scoring' }
    doc.questions.push({
      id: 'q-scoring',
      reads: 'socialScoring',
      ref: 'Art. 5(1)(c)',
      summary: 'Social scoring is prohibited.',
      ask: 'Does it score people?',
      answers: [{ value: true, next: 'q-manipulative' }],
      otherwise: 'c-minimal',
    })
    expect(issuesOf(doc)).toEqual([
      {
        code: 'cycle',
        path: ['questions', 1, 'answers', 0, 'next'],
        message: 'this branch closes a cycle: q-manipulative → q-scoring → q-manipulative',
      },
    ])
  })

  it('refuses a node no tree reaches', () => {
    const doc = aClassifierDocument()
    doc.conclusions.push({ id: 'c-orphan', tier: 'high', ref: 'Art. 6(2)', summary: 'High.' })
    expect(issuesOf(doc)).toEqual([
      {
        code: 'unreachable',
        path: ['conclusions', 2, 'id'],
        message: '"c-orphan" cannot be reached from "tier", "transparency" or "models"',
      },
    ])
  })

  it('refuses a transparency tree that sets a tier', () => {
    const doc = { ...aClassifierDocument(), transparency: ['c-minimal'] }
    expect(issuesOf(doc)).toEqual([
      {
        code: 'unexpected_tier',
        path: ['conclusions', 1, 'tier'],
        message:
          'conclusion "c-minimal" ends a path of a transparency or model tree, which sets duties, not a tier',
      },
    ])
  })

  it.each([
    [
      'manipulative',
      'yes',
      '"manipulative": a yes/no fact takes the answer true (use "otherwise" for no), not "yes"',
    ],
    [
      'area',
      'space',
      '"area": "space" is not one of biometrics, critical-infrastructure, education, employment, essential-services, law-enforcement, migration-border, justice-democracy, safety-component, transparency, prohibited',
    ],
    [
      'point',
      '9z',
      '"point": "9z" is not an Annex III point such as "5b" or an Art. 5 letter such as "5-1-h"',
    ],
  ])('refuses an answer of %s that the fact cannot take (%s)', (reads, value, message) => {
    const doc = aClassifierDocument()
    doc.questions[0] = { ...doc.questions[0], reads, answers: [{ value, next: 'c-prohibited' }] }
    expect(issuesOf(doc)).toEqual([
      { code: 'invalid_answer', path: ['questions', 0, 'answers', 0, 'value'], message },
    ])
  })

  it('refuses an id used twice', () => {
    const doc = aClassifierDocument()
    doc.conclusions[1] = { ...doc.conclusions[1], id: 'c-prohibited' }
    expect(issuesOf(doc)[0]).toEqual({
      code: 'duplicate_id',
      path: ['conclusions', 1, 'id'],
      message: 'the id "c-prohibited" is already used at conclusions.0.id',
    })
  })

  it('refuses a question without its article reference', () => {
    const doc = aClassifierDocument()
    const question = { ...doc.questions[0] }
    delete question.ref
    doc.questions[0] = question
    expect(issuesOf(doc).map((issue) => issue.path)).toEqual([['questions', 0, 'ref']])
  })

  it('names both branches that point at a conclusion removed from the shipped classifier', () => {
    const doc = theClassifierDocument()
    const conclusions = doc.conclusions as { id: string }[]
    const questions = doc.questions as { id: string }[]
    doc.conclusions = conclusions.filter((c) => c.id !== 'prohibited-5-1-c')
    const pointQuestion = questions.findIndex((q) => q.id === 'point-article-5')
    const letterQuestion = questions.findIndex((q) => q.id === 'art-5-1-c')
    expect(issuesOf(doc)).toEqual([
      {
        code: 'dangling_reference',
        path: ['questions', pointQuestion, 'answers', 2, 'next'],
        message: '"prohibited-5-1-c" is not the id of any question or conclusion',
      },
      {
        code: 'dangling_reference',
        path: ['questions', letterQuestion, 'answers', 0, 'next'],
        message: '"prohibited-5-1-c" is not the id of any question or conclusion',
      },
    ])
  })
})

describe('compileClassifier: choices', () => {
  it('offers every point of the shipped tree once, named by its first label', () => {
    const result = compileClassifier(theClassifierDocument())
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const points = result.value.choices.get('point') ?? []
    expect(points.length).toBe(new Set(points.map((p) => p.value)).size)
    expect(points.find((p) => p.value === '1a')?.label).toBe(
      'Annex III 1(a) remote biometric identification',
    )
    expect(points.map((p) => p.value).slice(0, 9)).toEqual([
      '5-1-a',
      '5-1-b',
      '5-1-c',
      '5-1-d',
      '5-1-e',
      '5-1-f',
      '5-1-g',
      '5-1-h',
      '1',
    ])
  })
})
