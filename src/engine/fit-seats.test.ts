import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput, aProfileInputWithSeats } from '../../test/engine-arbitraries.js'
import { thePlaybook } from '../../test/engine-builders.js'
import type { Profile, ProfileInput } from './profile-schema.js'
import type { StructureId } from './vocabulary.js'
import { assess } from './assess.js'
import { candidatesOf, gapsFor } from './fit-seats.js'
import { leadersBudget } from './leaders-budget.js'
import { recommend } from './recommend.js'
import { validateProfile } from './validate-profile.js'

// framework.md §10, invariants 8 and 9, over generated profiles with today's seats.

const valid = (input: ProfileInput): Profile => {
  const r = validateProfile(input)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const structures = () => thePlaybook().doc.structures
const fullTime = (s: StructureId) =>
  structures()[s].seats.filter((seat) => seat.engagement === 'full-time').length
const RUNS = { numRuns: 400 }

describe('fitting the people in the seats (framework.md §4a)', () => {
  it('8. without current seats, the structure is the table’s', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const rest: ProfileInput = { ...input }
        delete rest.current
        const r = recommend(valid(rest), thePlaybook())
        expect([r.structure, r.seatFit]).toEqual([r.table, null])
        expect(assess(valid(rest), thePlaybook()).recommendation.fit).toBeNull()
      }),
      RUNS,
    )
  })

  it('8. with seats, each function gets at least the table’s dedication, and invariants 2 and 3 hold', () => {
    fc.assert(
      fc.property(aProfileInputWithSeats, (input) => {
        const profile = valid(input)
        const r = recommend(profile, thePlaybook())
        const got = structures()[r.structure].dedication
        const need = structures()[r.table].dedication
        expect(got.tech).toBeGreaterThanOrEqual(need.tech)
        expect(got.ai).toBeGreaterThanOrEqual(need.ai)
        if (r.facts.stakes === 'high')
          expect(structures()[r.structure].seats.map((s) => s.title)).toContain('CAIO')
        const leaders = leadersBudget(profile).fullTimeLeaders
        if (leaders === 0) expect(fullTime(r.structure)).toBe(0)
        if (leaders === 1) expect(fullTime(r.structure)).toBeLessThanOrEqual(1)
        const a = assess(profile, thePlaybook())
        expect(a.recommendation.fit === null).toBe(r.structure === r.table)
        if (a.recommendation.fit) expect(a.recommendation.fit.table).toBe(r.table)
      }),
      RUNS,
    )
  })

  it('9. a holder sits only in a seat they qualify for, with the gaps named', () => {
    fc.assert(
      fc.property(aProfileInputWithSeats, (input) => {
        const profile = valid(input)
        const seats = profile.current?.seats ?? []
        const r = recommend(profile, thePlaybook())
        const fit = r.seatFit
        expect(fit).not.toBeNull()
        const placed = new Set<number>()
        fit?.assignments.forEach((a, i) => {
          const template = structures()[r.structure].seats[i]
          expect([a.title, a.engagement]).toEqual([template?.title, template?.engagement])
          if (a.holder === 'new') return
          expect(placed.has(a.holder.current)).toBe(false)
          placed.add(a.holder.current)
          const holder = seats[a.holder.current]
          if (!holder) throw new Error('assignment to a seat that does not exist')
          expect(gapsFor(holder, a, r.structure, r.facts.size, thePlaybook())).toEqual(a.gaps)
        })
        // Every current seat is either placed or leaves, with a reason.
        const left = fit?.departures.map((d) => d.current) ?? []
        expect([...placed, ...left].sort()).toEqual(seats.map((_, i) => i))
      }),
      RUNS,
    )
  })

  it('9. a qualified full-time holder is not moved to a fractional seat or out when some candidate keeps them', () => {
    fc.assert(
      fc.property(aProfileInputWithSeats, (input) => {
        const profile = valid(input)
        const seats = profile.current?.seats ?? []
        // Where no two full-time holders compete for full-time seats.
        fc.pre(seats.filter((s) => s.engagement === 'full-time').length === 1)
        const holder = seats.findIndex((s) => s.engagement === 'full-time')
        const r = recommend(profile, thePlaybook())
        const keepable = candidatesOf(r.facts, r.table, thePlaybook()).some((c) =>
          structures()[c].seats.some(
            (seat) =>
              seat.engagement === 'full-time' &&
              gapsFor(seats[holder]!, seat, c, r.facts.size, thePlaybook()) !== null,
          ),
        )
        fc.pre(keepable)
        const at = r.seatFit?.assignments.find(
          (a) => a.holder !== 'new' && a.holder.current === holder,
        )
        expect(at?.engagement).toBe('full-time')
      }),
      RUNS,
    )
  })

  it('reads the budget from today’s full-time holders when it is not given, and says so', () => {
    const profile = valid({
      name: 'Two leaders',
      employees: 150,
      engineers: 40,
      products: 2,
      ai: { centrality: 'core' },
      current: {
        seats: [
          { title: 'CTO', engagement: 'full-time', name: 'Ada', ledTechOrg: true },
          { title: 'CAIO', engagement: 'full-time', name: 'Ben', shippedAiSystems: true },
        ],
        roleCharter: true,
        alignmentMeetingsPerMonth: 4,
      },
    })
    expect(leadersBudget(profile)).toEqual({ fullTimeLeaders: 2, basis: 'current-seats' })
    const a = assess(profile, thePlaybook())
    expect([a.recommendation.structure, a.recommendation.change.kind]).toEqual([
      'separate-full-time',
      'keep',
    ])
    expect(a.notes).toContain(
      "Budget: not given; read as two full-time leaders, the number of full-time leaders in today's seats (current.seats). Set budget.fullTimeLeaders to change it.",
    )
  })

  it('moves a full-time holder to a fractional seat only for the budget, and says at which budget they stay', () => {
    const a = assess(
      valid({
        name: 'Budget-bound',
        employees: 60,
        engineers: 20,
        ai: { centrality: 'important', functions: ['sales', 'operations'] },
        budget: { fullTimeLeaders: 1 },
        current: {
          seats: [
            {
              title: 'CTO',
              engagement: 'full-time',
              name: 'Ada',
              ledTechOrg: true,
              shippedAiSystems: true,
            },
            { title: 'CAIO', engagement: 'full-time', name: 'Ben', shippedAiSystems: true },
          ],
          roleCharter: true,
          alignmentMeetingsPerMonth: 4,
        },
      }),
      thePlaybook(),
    )
    expect(a.recommendation.change.assignments).toEqual([
      { title: 'CTO', engagement: 'full-time', holder: { current: 0 }, gaps: [] },
      {
        title: 'CAIO',
        engagement: 'fractional',
        holder: { current: 1 },
        gaps: [],
        reason: 'over-budget',
      },
    ])
    expect(a.recommendation.change.steps).toContain(
      'Ben moves to the fractional CAIO seat: the budget funds one full-time leader; with budget for two full-time leaders, Ben stays full-time.',
    )
  })
})
