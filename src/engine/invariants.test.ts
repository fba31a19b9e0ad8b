import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput } from '../../test/engine-arbitraries.js'
import { compileFile, thePlaybook } from '../../test/engine-builders.js'
import type { Assessment } from './types.js'
import type { Profile, ProfileInput } from './profile-schema.js'
import { assess } from './assess.js'
import { recommend } from './recommend.js'
import { validateCharter } from './validate-charter.js'
import { validateProfile } from './validate-profile.js'
import { CENTRALITY_LEVELS, STAKES_LEVELS, AI_FUNCTIONS } from './vocabulary.js'
import type { StructureId } from './vocabulary.js'

// framework.md §10, checked over generated profiles.

const valid = (input: ProfileInput): Profile => {
  const r = validateProfile(input)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
const structureOf = (input: ProfileInput): StructureId =>
  recommend(valid(input), thePlaybook()).structure
const seatsOf = (structure: StructureId) => thePlaybook().doc.structures[structure].seats
const fullTimeSeats = (structure: StructureId) =>
  seatsOf(structure).filter((s) => s.engagement === 'full-time').length

/** How dedicated the AI function is: in a shared seat (0) < own fractional seat (1) < own full-time seat (2). */
function aiDedication(structure: StructureId): number {
  const caio = seatsOf(structure).find((s) => s.title === 'CAIO')
  if (!caio) return 0
  return caio.engagement === 'full-time' ? 2 : 1
}

const RUNS = { numRuns: 500 }

describe('engine invariants (framework.md §10)', () => {
  it('1. is deterministic: the same profile and playbook give byte-identical JSON', () => {
    const fresh = compileFile('playbooks/tandem-default.yaml')
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const a: Assessment = assess(valid(input), thePlaybook())
        const b: Assessment = assess(valid(structuredClone(input)), fresh)
        expect(JSON.stringify(a)).toBe(JSON.stringify(b))
      }),
      { numRuns: 200 },
    )
  })

  it('2. stakes high ⇒ the structure has a CAIO seat', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const a = assess(valid(input), thePlaybook())
        fc.pre(a.stakes.level === 'high')
        expect(a.recommendation.seats.map((s) => s.title)).toContain('CAIO')
      }),
      RUNS,
    )
  })

  it('3. budget one ⇒ at most one full-time seat; budget fractional ⇒ none', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const structure = structureOf(input)
        const leaders = input.budget?.fullTimeLeaders ?? 1
        if (leaders === 0) expect(fullTimeSeats(structure)).toBe(0)
        if (leaders === 1) expect(fullTimeSeats(structure)).toBeLessThanOrEqual(1)
      }),
      RUNS,
    )
  })

  it('4. raising centrality, reach or stakes never lowers the AI function’s dedication', () => {
    fc.assert(
      fc.property(
        aProfileInput,
        fc.constantFrom('centrality', 'reach', 'stakes'),
        (input, what) => {
          const raised = structuredClone(input)
          if (what === 'centrality') {
            const at = CENTRALITY_LEVELS.indexOf(input.ai.centrality)
            fc.pre(at < CENTRALITY_LEVELS.length - 1)
            raised.ai.centrality = CENTRALITY_LEVELS[at + 1]!
          } else if (what === 'reach') {
            const missing = AI_FUNCTIONS.filter((f) => !(input.ai.functions ?? []).includes(f))
            fc.pre(missing.length > 0)
            raised.ai.functions = [...(input.ai.functions ?? []), missing[0]!]
          } else {
            const before = assess(valid(input), thePlaybook()).stakes.level
            const at = STAKES_LEVELS.indexOf(before)
            fc.pre(at < STAKES_LEVELS.length - 1)
            raised.ai.stakes = STAKES_LEVELS[at + 1]!
          }
          expect(aiDedication(structureOf(raised))).toBeGreaterThanOrEqual(
            aiDedication(structureOf(input)),
          )
        },
      ),
      RUNS,
    )
  })

  it('5. raising the budget never lowers the number of full-time seats', () => {
    fc.assert(
      fc.property(aProfileInput, fc.integer({ min: 1, max: 2 }), (input, more) => {
        const raised = {
          ...input,
          budget: { fullTimeLeaders: (input.budget?.fullTimeLeaders ?? 1) + more },
        }
        expect(fullTimeSeats(structureOf(raised))).toBeGreaterThanOrEqual(
          fullTimeSeats(structureOf(input)),
        )
      }),
      RUNS,
    )
  })

  it('6. every charter keeps the rules of §6', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        expect(validateCharter(assess(valid(input), thePlaybook()).charter)).toEqual([])
      }),
      RUNS,
    )
  })

  it('7. along growth that never shrinks, the fractional-path stage never goes back', () => {
    const step = fc.record({
      employees: fc.integer({ min: 0, max: 80 }),
      engineers: fc.integer({ min: 0, max: 20 }),
      products: fc.integer({ min: 0, max: 1 }),
      centrality: fc.boolean(),
      functions: fc.integer({ min: 0, max: 2 }),
      leaders: fc.integer({ min: 0, max: 1 }),
    })
    fc.assert(
      fc.property(aProfileInput, fc.array(step, { minLength: 1, maxLength: 4 }), (input, steps) => {
        let { employees, engineers, products } = valid(input)
        let centrality = CENTRALITY_LEVELS.indexOf(input.ai.centrality)
        let functions = [...new Set(input.ai.functions ?? [])]
        let leaders = input.budget?.fullTimeLeaders ?? 1
        const growth = steps.map((s, i) => {
          employees += s.employees
          engineers = Math.min(employees, engineers + s.engineers)
          products += s.products
          if (s.centrality) centrality = Math.min(2, centrality + 1)
          functions = [
            ...functions,
            ...AI_FUNCTIONS.filter((f) => !functions.includes(f)).slice(0, s.functions),
          ]
          leaders += s.leaders
          return {
            at: `${2030 + i}-01`,
            employees,
            engineers,
            products,
            ai: { centrality: CENTRALITY_LEVELS[centrality]!, functions },
            budget: { fullTimeLeaders: leaders },
          }
        })
        const roadmap = assess(valid({ ...input, growth }), thePlaybook()).roadmap
        for (let i = 1; i < roadmap.length; i++) {
          expect(roadmap[i]!.stage).toBeGreaterThanOrEqual(roadmap[i - 1]!.stage)
        }
      }),
      RUNS,
    )
  })
})
