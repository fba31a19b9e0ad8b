import { describe, expect, it } from 'vitest'
import { anAssessmentOf, aWebProfile } from '../../../test/web-builders.js'
import { compareAssessments, diffProfiles } from './profile-diff.js'

describe('diffProfiles', () => {
  it('finds nothing between equal profiles', () => {
    expect(diffProfiles(aWebProfile(), aWebProfile())).toEqual([])
  })

  it('lists changed, removed and then added leaves by path', () => {
    const before = aWebProfile({ employees: 60, current: { seats: [], roleCharter: false } })
    const after = aWebProfile({
      employees: 120,
      ai: { centrality: 'core', functions: ['sales', 'finance'], useCases: [] },
    })
    expect(diffProfiles(before, after)).toEqual([
      { path: 'employees', before: '60', after: '120' },
      { path: 'ai.centrality', before: 'important', after: 'core' },
      { path: 'current.seats', before: '(none)', after: null },
      { path: 'current.roleCharter', before: 'false', after: null },
      { path: 'ai.functions[1]', before: null, after: 'finance' },
    ])
  })
})

describe('compareAssessments', () => {
  it('reports the structure change and which anti-patterns came and went', () => {
    const before = anAssessmentOf(aWebProfile(), 'cto-owns-ai', [
      'roles-later',
      'cto-can-handle-ai',
    ])
    const after = anAssessmentOf(aWebProfile({ employees: 150 }), 'separate-full-time', [
      'roles-later',
      'partners-dont-talk',
    ])
    expect(compareAssessments(before, after)).toEqual({
      profile: [{ path: 'employees', before: '60', after: '150' }],
      structure: { before: 'cto-owns-ai', after: 'separate-full-time', changed: true },
      antiPatterns: {
        added: ['partners-dont-talk'],
        removed: ['cto-can-handle-ai'],
        kept: ['roles-later'],
      },
    })
  })
})
