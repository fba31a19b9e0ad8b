import type { Operations, OperationsInput } from './operations-schema.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { thePlaybook } from '../../../test/engine-builders.js'
import { aDay, aMeasurement, anOperationsInput } from '../../../test/operations-arbitraries.js'
import { signals } from './signals.js'
import { validateOperations } from './validate-operations.js'

const playbook = thePlaybook()

function valid(input: OperationsInput): Operations {
  const result = validateOperations(input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const keysOf = (operations: Operations, asOf: string, id: string) =>
  signals(operations, playbook, asOf)
    .signals.filter((s) => s.id === id)
    .map((s) => s.key)

describe('signals (properties)', () => {
  it('are deterministic for an asOf: the same register gives byte-identical JSON', () => {
    fc.assert(
      fc.property(anOperationsInput, aDay, (input, asOf) => {
        const first = JSON.stringify(signals(valid(input), playbook, asOf))
        const again = JSON.stringify(signals(valid(structuredClone(input)), playbook, asOf))
        expect(again).toBe(first)
      }),
      { numRuns: 200 },
    )
  })

  it('never raise roi-theoretical when a measurement is added', () => {
    fc.assert(
      fc.property(
        anOperationsInput,
        aDay,
        aMeasurement,
        fc.nat(),
        (input, asOf, measurement, pick) => {
          fc.pre(input.initiatives !== undefined && input.initiatives.length > 0)
          const initiatives = input.initiatives ?? []
          const index = pick % initiatives.length
          const added = {
            ...input,
            initiatives: initiatives.map((initiative, i) =>
              i === index
                ? { ...initiative, measurements: [...(initiative.measurements ?? []), measurement] }
                : initiative,
            ),
          }
          const before = keysOf(valid(input), asOf, 'roi-theoretical')
          const after = keysOf(valid(added), asOf, 'roi-theoretical')
          expect(after.filter((key) => !before.includes(key))).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never raise partners-dont-talk when a meeting is held', () => {
    const attendees = fc.subarray([{ seat: 'CTO' }, { seat: 'CAIO' }])
    fc.assert(
      fc.property(anOperationsInput, aDay, aDay, attendees, (input, asOf, date, present) => {
        const added = {
          ...input,
          meetings: [
            ...(input.meetings ?? []),
            { id: 'added', date, status: 'held' as const, attendees: present },
          ],
        }
        const before = keysOf(valid(input), asOf, 'partners-dont-talk')
        const after = keysOf(valid(added), asOf, 'partners-dont-talk')
        expect(after.filter((key) => !before.includes(key))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
