import type { Playbook } from '../compile-playbook.js'
import type { Operations } from './operations-schema.js'
import type { GatedStage, Lens } from './vocabulary.js'
import { checkGate } from './check-gate.js'
import { currentStage } from './current-stage.js'
import { actsFor, lensSeat } from './lens-seat.js'
import { decisionStatusOn, operationsAsOf } from './operations-as-of.js'
import { LENSES } from './vocabulary.js'

/** One thing waiting on a member acting for some seats (operate.md §4 "My items"). */
export interface SeatItem {
  readonly kind: 'review' | 'decision' | 'gate'
  readonly seat: string
  readonly text: string
  readonly initiative?: string
  readonly decision?: string
  readonly lens?: Lens
  readonly due?: string
}

const NEXT_GATE: Readonly<Partial<Record<string, GatedStage>>> = {
  idea: 'pilot',
  pilot: 'production',
}

/**
 * What waits on someone acting for `seats` on `asOf`: lens reviews of active initiatives their seat
 * has not given, open decisions their seat owns (due first), and the items of the next gate their
 * lens must meet. Pure; the caller finds the seats.
 */
export function itemsForSeats(
  operations: Operations,
  playbook: Playbook,
  seats: readonly string[],
  asOf: string,
): readonly SeatItem[] {
  const view = operationsAsOf(operations, asOf)
  const organization = operations.organization
  const mine = (seat: string) => seats.find((own) => actsFor(own, seat))
  const items: SeatItem[] = []
  for (const initiative of view.initiatives) {
    const stage = currentStage(initiative)
    if (stage !== 'idea' && stage !== 'pilot' && stage !== 'production') continue
    for (const lens of LENSES) {
      const seat = mine(lensSeat(organization, lens))
      if (seat !== undefined && initiative.lenses[lens].length === 0) {
        items.push({
          kind: 'review',
          seat,
          lens,
          initiative: initiative.id,
          text: `Review the ${lens.toUpperCase()} lens of “${initiative.title}”`,
        })
      }
    }
    const gate = NEXT_GATE[stage]
    if (gate === undefined) continue
    for (const missing of checkGate(initiative, gate, { organization, playbook })) {
      const seat = mine(missing.seat)
      if (seat === undefined) continue
      items.push({
        kind: 'gate',
        seat,
        initiative: initiative.id,
        text: `“${initiative.title}” → ${gate}: ${missing.message}`,
      })
    }
  }
  const decisions: SeatItem[] = []
  for (const meeting of view.meetings) {
    for (const decision of meeting.decisions) {
      const seat = decision.owner ? mine(decision.owner.seat) : undefined
      if (seat === undefined || decisionStatusOn(decision, asOf) !== 'open') continue
      decisions.push({
        kind: 'decision',
        seat,
        decision: decision.id,
        text: decision.text,
        ...(decision.due !== undefined ? { due: decision.due } : {}),
      })
    }
  }
  decisions.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
  return [...decisions, ...items]
}
