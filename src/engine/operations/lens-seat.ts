import type { Organization, SeatRef } from './operations-schema.js'
import type { Lens } from './vocabulary.js'

const UNIFIED = 'CTO/CAIO'

/**
 * The seat that reviews a lens (operate.md §1): the CTO's lens by the CTO seat, the CAIO's by the CAIO
 * seat; a unified seat reviews both; without a CAIO seat, the seat the charter makes Accountable for
 * `ai-strategy` (the CTO unless the organization names another).
 */
export function lensSeat(organization: Organization, lens: Lens): string {
  const titles = organization.seats.map((seat) => seat.title)
  const own = lens === 'cto' ? 'CTO' : 'CAIO'
  if (titles.includes(own)) return own
  if (titles.includes(UNIFIED)) return UNIFIED
  return lens === 'cto' ? 'CTO' : (organization.aiStrategySeat ?? 'CTO')
}

/** Whether someone acting for `actor` acts for `seat`: the same seat, or the unified seat for either. */
export function actsFor(actor: SeatRef | string, seat: string): boolean {
  const title = typeof actor === 'string' ? actor : actor.seat
  return title === seat || (title === UNIFIED && (seat === 'CTO' || seat === 'CAIO'))
}
