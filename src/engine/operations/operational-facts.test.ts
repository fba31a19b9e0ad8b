import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../../test/engine-builders.js'
import { aLive, aMeeting, aPilot, anOperations } from '../../../test/operations-builders.js'
import { assess } from '../assess.js'
import { operationalFacts } from './operational-facts.js'

const playbook = thePlaybook()
const operations = anOperations({
  initiatives: [
    aPilot('a', '2026-02-01'),
    aPilot('b', '2026-03-01'),
    aPilot('c', '2026-04-01'),
    aLive('l', '2026-01-10', '2026-02-01'),
  ],
  meetings: [
    aMeeting({ id: 'm1', date: '2026-06-10' }),
    aMeeting({ id: 'm2', date: '2026-06-24' }),
  ],
})

describe('operationalFacts', () => {
  it('counts pilots, production, ROI measured and meetings from the register as of a day', () => {
    expect(operationalFacts(operations, playbook, '2026-06-28')).toEqual({
      asOf: '2026-06-28',
      aiPilots: 3,
      aiInProduction: 1,
      roiMeasured: false,
      alignmentMeetingsPerMonth: 2,
    })
  })

  it('counts only what had happened by the day asked about', () => {
    expect(operationalFacts(operations, playbook, '2026-02-15')).toEqual({
      asOf: '2026-02-15',
      aiPilots: 1,
      aiInProduction: 1,
      alignmentMeetingsPerMonth: 0,
    })
  })
})

describe('assess with a register', () => {
  it('takes the operational facts from the register and says so, with the date', () => {
    const profile = aProfile({
      employees: 60,
      engineers: 20,
      ai: { centrality: 'important', functions: ['sales', 'operations'] },
      current: {
        seats: [
          { title: 'CTO', engagement: 'full-time', ledTechOrg: true, shippedAiSystems: true },
          { title: 'CAIO', engagement: 'fractional', shippedAiSystems: true },
        ],
        roleCharter: true,
        alignmentMeetingsPerMonth: 4,
        aiPilots: 0,
        aiInProduction: 2,
        roiMeasured: true,
      },
    })
    const register = operationalFacts(operations, playbook, '2026-06-28')
    const assessment = assess(profile, playbook, { register })
    expect(assessment.register).toEqual({
      asOf: '2026-06-28',
      facts: [
        { field: 'current.aiPilots', value: 3, typed: 0 },
        { field: 'current.aiInProduction', value: 1, typed: 2 },
        { field: 'current.roiMeasured', value: false, typed: true },
        { field: 'current.alignmentMeetingsPerMonth', value: 2, typed: 4 },
      ],
    })
    expect(assessment.profile.current?.aiPilots).toBe(3)
    expect(assessment.notes).toContain(
      'current.aiPilots, current.aiInProduction, current.roiMeasured, current.alignmentMeetingsPerMonth come from the register as of 2026-06-28, not from the profile.',
    )
    expect(assessment.antiPatterns.map((a) => a.id)).toContain('partners-dont-talk')
    const typed = assess(profile, playbook)
    expect(typed.register).toBeUndefined()
    expect(typed.antiPatterns.map((a) => a.id)).not.toContain('partners-dont-talk')
  })
})
