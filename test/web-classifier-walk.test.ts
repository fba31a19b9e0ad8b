import { describe, expect, it } from 'vitest'
import { classifierQuestions } from '../src/engine/stakes/classifier-questions.js'
import { theClassifier } from './stakes-builders.js'
import { questionsOnPath } from '../src/web/lib/classifier-walk.js'

const tree = () => classifierQuestions(theClassifier())
const ids = (facts: Record<string, unknown>) => questionsOnPath(tree(), facts).map((q) => q.id)

describe('questionsOnPath', () => {
  it('asks the "talks to people" question of a support chatbot in the flow, not behind a fold', () => {
    expect(ids({ name: 'Support chatbot' })).toContain('art-50-1')
  })

  it('asks each fact once along the path', () => {
    const reads = questionsOnPath(tree(), {}).map((q) => q.reads)
    expect(reads.length).toBe(new Set(reads).size)
  })

  it('asks which point of Annex III 5 applies once the area is essential services', () => {
    expect(ids({ area: 'essential-services' })).toContain('area-essential-services-point')
    expect(ids({ area: 'employment' })).not.toContain('area-essential-services-point')
    // Answered, the point shows in the first point question and the path goes on from 5(c).
    const path = ids({ area: 'essential-services', point: '5c' })
    expect(path.filter((id) => id.includes('point'))).toEqual(['point-article-5'])
    expect(path).toContain('derogation-credit-insurance')
  })

  it('asks no duty question after a prohibited practice', () => {
    expect(ids({ socialScoring: true })).not.toContain('art-50-1')
  })

  it('follows a yes into its branch: emotion recognition asks where it is used', () => {
    expect(ids({ emotionRecognition: true })).toContain('art-5-1-f-context')
    expect(ids({})).not.toContain('art-5-1-f-context')
  })
})
