import type { SeatBrief } from '../engine/hiring/build-briefs.js'

// Words the brief reports share (Markdown and HTML say the same thing).

/** `CAIO (fractional): search brief`. */
export function briefHeading(b: SeatBrief): string {
  const kind =
    b.kind === 'search' ? 'search brief' : b.kind === 'development' ? 'development brief' : 'kept'
  return `${b.title} (${b.engagement}): ${kind}`
}

/** `2.5 days a week.` / `Full-time.` */
export function daysText(b: SeatBrief): string {
  return b.engagement === 'full-time' ? 'Full-time.' : `${b.daysPerWeek} days a week.`
}

export const KIND_LEAD: Readonly<Record<SeatBrief['kind'], (b: SeatBrief) => string>> = {
  search: (b) =>
    `A seat to fill: allow about ${b.leadTimeMonths === 1 ? 'a month' : `${b.leadTimeMonths ?? 0} months`} from starting the search.`,
  development: (b) => `${holderText(b)} keeps the seat and closes the gaps below.`,
  kept: (b) => `${holderText(b)} keeps the seat as it is: no search needed.`,
}

function holderText(b: SeatBrief): string {
  const holder = b.holder ?? 'today’s holder'
  return holder.charAt(0).toUpperCase() + holder.slice(1)
}
