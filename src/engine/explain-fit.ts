import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { SeatFit } from './fit-seats.js'
import type { CurrentSeat } from './profile-schema.js'
import type { Fit } from './types.js'
import type { StructureId } from './vocabulary.js'
import { budgetWords, holderName, sentence } from './describe-change.js'
import { seatWithin } from './fit-seats.js'

const LEVEL_WORDS = {
  fractional: 'no full-time leader',
  one: 'one full-time leader',
  two: 'two full-time leaders',
} as const

/**
 * `recommendation.fit` (framework.md §4a.5): null when the people leave the table's structure as it
 * is; else the table's structure and rule, and in words what the fit keeps that the table would not.
 */
export function explainFit(
  seats: readonly CurrentSeat[],
  facts: Facts,
  table: { readonly structure: StructureId; readonly rule: string },
  seatFit: SeatFit,
  fullTimeLeaders: number,
  playbook: Playbook,
): Fit | null {
  if (seatFit.structure === table.structure) return null
  const doc = playbook.doc
  const name = (i: number) => holderName(seats, i)
  const kept: string[] = []
  const added: string[] = []
  for (const a of seatFit.assignments) {
    const seat = `${a.engagement} ${a.title}`
    if (a.holder === 'new') added.push(`a ${seat}`)
    else kept.push(`${name(a.holder.current)} as ${seat}`)
  }
  // What the table's structure would do to the same people.
  const inTable = seatWithin(seats, facts, table.structure, playbook)
  const tableSeats = doc.structures[table.structure].seats
  const instead: string[] = []
  seatFit.assignments.forEach((a) => {
    if (a.holder === 'new') return
    const i = a.holder.current
    const at = inTable.indexOf(i)
    if (at < 0) instead.push(`replace ${name(i)}`)
    else if (
      seats[i]?.engagement === 'full-time' &&
      tableSeats[at]?.engagement === 'fractional' &&
      a.engagement === 'full-time'
    )
      instead.push(`move ${name(i)} to a fractional seat`)
  })
  const newInTable = inTable.filter((h) => h === null).length
  if (instead.length === 0 || newInTable > added.length)
    instead.push(`bring in ${newInTable} new leader${newInTable === 1 ? '' : 's'}`)
  const change =
    kept.length > 0
      ? `keeps ${kept.join(' and ')}${added.length > 0 ? ` and adds ${added.join(' and ')}` : ''}`
      : `seats ${added.join(' and ')}`
  let reason = sentence(doc.seating.reason, {
    change,
    table: `the table's ${doc.structures[table.structure].label} (${table.structure})`,
    instead: instead.join(' and '),
  })
  // A full-time holder in a fractional seat: said with the budget at which they stay full-time.
  for (const a of seatFit.assignments) {
    if (a.holder === 'new' || a.reason !== 'over-budget') continue
    const i = a.holder.current
    const enough = seatFit.fullTimeAt[i]
    const values = {
      holder: name(i),
      seat: `${a.engagement} ${a.title}`,
      budget: budgetWords(fullTimeLeaders),
      enough: enough ? LEVEL_WORDS[enough] : '',
    }
    reason += ` ${sentence(enough ? doc.seating.steps.overBudgetUntil : doc.seating.steps.overBudget, values)}`
  }
  return { table: table.structure, rule: table.rule, reason }
}
