import { describe, expect, it } from 'vitest'
import { fintechAssessment } from '../../test/fixtures/assessment-fintech.js'
import { startupAssessment } from '../../test/fixtures/assessment-startup.js'
import { roadmapPoints } from './roadmap-points.js'

describe('roadmapPoints', () => {
  it('keeps the engine’s roadmap when there is one', () => {
    expect(roadmapPoints(startupAssessment)).toBe(startupAssessment.roadmap)
  })

  it('shows today’s recommended structure when the roadmap is empty (no growth plan)', () => {
    expect(roadmapPoints({ ...fintechAssessment, roadmap: [] })).toEqual([
      { at: 'now', structure: 'separate-full-time', stage: 3, trigger: null },
    ])
  })
})
