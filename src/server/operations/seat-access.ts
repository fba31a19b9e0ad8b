import type { Role } from '../../contract/roles.js'
import type { SeatAssignment } from '../../store/operations-records.js'
import { actsFor } from '../../engine/operations/index.js'
import { ForbiddenError } from '../../errors/forbidden-error.js'

/**
 * Which seats a member may act for in an organization on a day (operate.md §5): the seats of their
 * assignments running that day; or, in an organization with no assignment running, any seat for a
 * workspace owner or editor, so a register works before anyone sets seats up.
 */
export interface SeatAccess {
  readonly anySeat: boolean
  readonly seats: readonly string[]
}

export function seatAccess(
  assignments: readonly SeatAssignment[],
  userId: string,
  role: Role,
  day: string,
): SeatAccess {
  const running = assignments.filter((a) => a.from <= day && (a.to === null || a.to >= day))
  if (running.length === 0) return { anySeat: role === 'owner' || role === 'editor', seats: [] }
  return { anySeat: false, seats: running.filter((a) => a.memberId === userId).map((a) => a.seat) }
}

/**
 * The seat the caller acts for to do something `needed` asks of: the one they name, or else the first
 * of theirs that acts for it. Throws ForbiddenError (403) when they may act for none.
 */
export function actingSeat(
  access: SeatAccess,
  needed: string,
  named: string | undefined,
  what: string,
): string {
  const seat =
    named ?? (access.anySeat ? needed : access.seats.find((mine) => actsFor(mine, needed)))
  if (seat === undefined || !(access.anySeat || access.seats.includes(seat))) {
    throw new ForbiddenError(
      `${what} needs someone acting for the ${needed} seat; you are assigned ${
        access.seats.length > 0 ? access.seats.join(', ') : 'no seat of this organization'
      }`,
    )
  }
  if (!actsFor(seat, needed)) {
    throw new ForbiddenError(`${what} needs the ${needed} seat, not ${seat}`)
  }
  return seat
}
