import { describe, expect, it } from 'vitest'
import { aProfile, thePlaybook } from '../../test/engine-builders.js'
import { buildChange, changeKey, describeChange } from './describe-change.js'
import { STRUCTURES } from './vocabulary.js'

describe('describeChange', () => {
  it('hands out the change the playbook built when today has no seats or a structure in its order', () => {
    const playbook = thePlaybook()
    for (const from of [null, ...STRUCTURES]) {
      const seats = from ? playbook.seats[from] : []
      for (const to of STRUCTURES) {
        for (const roleCharter of [false, true]) {
          const profile = aProfile({ current: { seats: [...seats], roleCharter } })
          const change = describeChange(profile, to, playbook)
          expect(change).toBe(playbook.changes[changeKey(from, to, roleCharter)])
          expect(change).toEqual(buildChange(playbook.doc, seats, from, to, roleCharter))
          expect(Object.isFrozen(change.steps)).toBe(true)
        }
      }
    }
    expect(Object.keys(playbook.changes)).toHaveLength(
      (STRUCTURES.length + 1) * STRUCTURES.length * 2,
    )
  })

  it('builds a fresh change, in the profile’s seat order, when the seats are listed otherwise', () => {
    const playbook = thePlaybook()
    const seats = [
      { title: 'CAIO' as const, engagement: 'full-time' as const },
      { title: 'CTO' as const, engagement: 'full-time' as const },
    ]
    const change = describeChange(aProfile({ current: { seats } }), 'unified-fractional', playbook)
    expect(change.from).toBe('separate-full-time')
    expect(Object.isFrozen(change)).toBe(false)
    expect(change.steps.filter((s) => s.startsWith('Transition'))).toEqual([
      'Transition the full-time CAIO seat: its responsibilities move as the charter below assigns them.',
      'Transition the full-time CTO seat: its responsibilities move as the charter below assigns them.',
    ])
  })

  it('describes seats that form no structure as a restructure from today’s arrangement', () => {
    const playbook = thePlaybook()
    const seats = [
      { title: 'CTO' as const, engagement: 'fractional' as const },
      { title: 'CTO' as const, engagement: 'fractional' as const },
    ]
    const change = describeChange(aProfile({ current: { seats } }), 'unified-full-time', playbook)
    expect([change.kind, change.from, change.summary]).toEqual([
      'restructure',
      null,
      "Restructure from today's fractional CTO + fractional CTO to One full-time CTO/CAIO.",
    ])
  })
})
