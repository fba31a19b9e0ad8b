import type { QuestionAnswer, Seat } from '../types.js'
import type { SeatTitle, StructureId } from '../vocabulary.js'
import type { HiringPlaybook } from './hiring-playbook-schema.js'

export interface SeatSizing {
  readonly title: SeatTitle
  readonly engagement: Seat['engagement']
  readonly daysPerWeek: number
  readonly why: readonly string[]
}

/** Which functions a seat title holds: a unified seat holds both. */
export function holdsOf(title: SeatTitle): readonly ('tech' | 'ai')[] {
  if (title === 'CTO') return ['tech']
  if (title === 'CAIO') return ['ai']
  return ['tech', 'ai']
}

/**
 * Days per week for one seat: full-time is a full week; a fractional seat starts from the playbook's
 * base days and gains the adjustments of each function it holds at the questions' levels, up to the cap.
 */
export function sizeSeat(
  seat: Seat,
  questions: readonly QuestionAnswer[],
  hiring: HiringPlaybook,
): SeatSizing {
  if (seat.engagement === 'full-time') {
    return {
      ...seat,
      daysPerWeek: hiring.fullTimeDaysPerWeek,
      why: [`A full-time seat: ${hiring.fullTimeDaysPerWeek} days a week.`],
    }
  }
  const holds = holdsOf(seat.title)
  const base = hiring.baseDays[seat.title]
  const why = [`A fractional ${seat.title} starts at ${formatDays(base)} a week.`]
  let days = base
  for (const adjustment of hiring.adjustments) {
    if (!holds.includes(adjustment.holds)) continue
    const level = questions.find((q) => q.id === adjustment.question)?.level
    if (level !== adjustment.level) continue
    days += adjustment.days
    why.push(`+${formatDays(adjustment.days)}: ${adjustment.why}`)
  }
  if (days > hiring.maxFractionalDaysPerWeek) {
    days = hiring.maxFractionalDaysPerWeek
    why.push(
      `Capped at ${formatDays(days)}: beyond that a fractional seat becomes a full-time one.`,
    )
  }
  return { ...seat, daysPerWeek: days, why }
}

/**
 * The days a week the AI function gets under a structure: a seat of its own gets all of its days, a
 * unified seat its AI share, and a CTO who owns AI the playbook's small allowance.
 */
export function aiDaysPerWeek(
  structure: StructureId,
  seats: readonly SeatSizing[],
  hiring: HiringPlaybook,
): number {
  const caio = seats.find((s) => s.title === 'CAIO')
  if (caio) return caio.daysPerWeek
  const unified = seats.find((s) => s.title === 'CTO/CAIO')
  if (unified) return unified.daysPerWeek * hiring.unifiedAiShare
  return structure === 'cto-owns-ai' ? hiring.ctoOwnsAiDays : 0
}

/** `1.5 days`, `1 day`. */
export function formatDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`
}
