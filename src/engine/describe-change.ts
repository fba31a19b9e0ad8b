import type { Playbook } from './compile-playbook.js'
import type { SeatFit } from './fit-seats.js'
import type { PlaybookDoc } from './playbook-schema.js'
import type { CurrentSeat, Profile } from './profile-schema.js'
import type { FitAssignment, Change } from './types.js'
import type { BudgetLevel, ChangeKind, Size, StructureId } from './vocabulary.js'
import { compileTemplate } from './compile-template.js'
import { currentStructure } from './current-structure.js'
import { depthsOf, gapsFor } from './fit-seats.js'
import { STRUCTURES } from './vocabulary.js'

const BUDGET_WORDS = ['no full-time leader', 'one full-time leader', 'two full-time leaders']
const LEVEL_WORDS: Readonly<Record<BudgetLevel, string>> = {
  fractional: 'no full-time leader',
  one: 'one full-time leader',
  two: 'two full-time leaders',
}

/**
 * How the recommendation differs from today (framework.md §4–§4a): keep, evolve along the fractional
 * path, or restructure, with steps that name the people. Without today's seats, the change the
 * playbook built once for the structure.
 */
export function describeChange(
  profile: Profile,
  to: StructureId,
  fit: SeatFit | null,
  context: { readonly fullTimeLeaders: number; readonly size: Size },
  playbook: Playbook,
): Change {
  const roleCharter = profile.current?.roleCharter === true
  const seats = profile.current?.seats ?? []
  if (!fit || seats.length === 0) {
    // Without `current`, today's leaders are unknown: the steps do not tell to bring in someone the
    // organization may already have.
    const known = profile.current !== undefined
    const built = playbook.changes[changeKey(to, roleCharter, known)]
    if (built) return built
    return establish(playbook.doc, to, roleCharter, known)
  }
  return seatedChange(playbook, seats, fit, roleCharter, context)
}

/**
 * The key of a change from no seats in `Playbook.changes`: the target, the charter, and whether
 * today's leaders are known to be none (`current` given) or not given at all.
 */
export function changeKey(to: StructureId, roleCharter: boolean, known = true): string {
  return `${to}>${roleCharter ? 'charter' : 'no-charter'}>${known ? 'none-today' : 'unknown'}`
}

/**
 * Every change from no seats to each structure, with and without a role charter, by `changeKey`. A
 * record rather than a Map: deepFreeze freezes a record's entries, and the reply serializer reuses
 * the JSON of frozen parts.
 */
export function buildChanges(doc: PlaybookDoc): Record<string, Change> {
  const changes: Record<string, Change> = {}
  for (const to of STRUCTURES)
    for (const roleCharter of [false, true])
      for (const known of [false, true])
        changes[changeKey(to, roleCharter, known)] = establish(doc, to, roleCharter, known)
  return changes
}

/**
 * Establishing a structure where no seat is held today (`known`), or where today's leaders were not
 * given: every seat is someone to bring in, or a seat to fill, possibly from today's leaders.
 */
export function establish(
  doc: PlaybookDoc,
  to: StructureId,
  roleCharter: boolean,
  known = true,
): Change {
  const steps = doc.seating.steps
  const target = doc.structures[to]
  const lines = target.seats.map((seat) =>
    sentence(known ? steps.bringIn : steps.fill, {
      seat: `${seat.engagement} ${seat.title}`,
      guidance: doc.seatGuidance[seat.title],
    }),
  )
  if (target.seats.length >= 2) {
    if (!roleCharter) lines.push(steps.charter)
    lines.push(steps.weekly)
  }
  lines.push(steps.review)
  return {
    kind: 'establish',
    from: null,
    to,
    summary: `Establish: ${target.label}.`,
    steps: lines,
    assignments: target.seats.map((seat): FitAssignment => ({
      title: seat.title,
      engagement: seat.engagement,
      holder: 'new',
      gaps: [],
    })),
    departures: [],
  }
}

/** How a step names a holder: their name, else their title today (with the seat number if shared). */
export function holderName(seats: readonly CurrentSeat[], index: number): string {
  const seat = seats[index]
  if (!seat) return `seat ${index + 1}`
  if (seat.name) return seat.name
  const same = seats.filter((s) => s.title === seat.title && s.engagement === seat.engagement)
  return `the ${seat.engagement} ${seat.title}${same.length > 1 ? ` (seat ${index + 1})` : ''}`
}

/** The words for a number of full-time leaders the budget funds. */
export function budgetWords(fullTimeLeaders: number): string {
  return BUDGET_WORDS[Math.min(2, fullTimeLeaders)] ?? 'two full-time leaders'
}

function seatedChange(
  playbook: Playbook,
  seats: readonly CurrentSeat[],
  fit: SeatFit,
  roleCharter: boolean,
  { fullTimeLeaders, size }: { readonly fullTimeLeaders: number; readonly size: Size },
): Change {
  const doc = playbook.doc
  const steps = doc.seating.steps
  const to = fit.structure
  const target = doc.structures[to]
  const from = currentStructure(seats, playbook)
  const name = (i: number) => holderName(seats, i)
  const allKept =
    fit.departures.length === 0 &&
    fit.assignments.every((a) => {
      if (a.holder === 'new') return false
      const today = seats[a.holder.current]
      return today?.title === a.title && today.engagement === a.engagement
    })
  const kind: ChangeKind =
    allKept && from === to
      ? 'keep'
      : from !== null && from !== to && doc.structures[from].pathOrder < target.pathOrder
        ? 'evolve'
        : 'restructure'

  const lines: string[] = []
  fit.assignments.forEach((a, at) => {
    const seat = `${a.engagement} ${a.title}`
    if (a.holder === 'new') {
      lines.push(sentence(steps.bringIn, { seat, guidance: doc.seatGuidance[a.title] }))
      return
    }
    const i = a.holder.current
    const today = seats[i] as CurrentSeat
    const holder = name(i)
    const was = `${today.engagement} ${today.title}`
    if (today.engagement === a.engagement) {
      if (today.title === a.title) {
        if (kind !== 'keep') lines.push(sentence(steps.stay, { holder, seat }))
      } else lines.push(sentence(steps.move, { holder, from: was, seat }))
    } else if (a.engagement === 'full-time') {
      lines.push(sentence(steps.offer, { holder, seat, guidance: doc.seatGuidance[a.title] }))
    } else {
      const enough = fit.fullTimeAt[i]
      lines.push(
        enough
          ? sentence(steps.overBudgetUntil, {
              holder,
              seat,
              budget: budgetWords(fullTimeLeaders),
              enough: LEVEL_WORDS[enough],
            })
          : sentence(steps.overBudget, { holder, seat, budget: budgetWords(fullTimeLeaders) }),
      )
    }
    const depths = depthsOf(today, playbook)
    const other = target.seats.find((_, j) => j !== at)
    // One side of a split: the steps say the other seat was open to them (framework.md §4a.3).
    if (
      today.title === 'CTO/CAIO' &&
      depths.tech &&
      depths.ai &&
      other &&
      other.title !== a.title &&
      target.seats.length === 2
    )
      lines.push(
        sentence(steps.eitherSeat, { holder, other: `${other.engagement} ${other.title}` }),
      )
    for (const gap of a.gaps)
      lines.push(sentence(steps.gap, { holder, seat, gap: doc.seating.gaps[gap] }))
  })
  for (const d of fit.departures) {
    const today = seats[d.current] as CurrentSeat
    const holder = name(d.current)
    const was = `${today.engagement} ${today.title}`
    if (d.reason === 'not-qualified')
      lines.push(
        sentence(steps.departNotQualified, {
          holder,
          from: was,
          guidance: doc.seatGuidance[today.title],
        }),
      )
    else if (d.reason === 'over-budget')
      lines.push(
        sentence(steps.departOverBudget, {
          holder,
          from: was,
          budget: budgetWords(fullTimeLeaders),
        }),
      )
    else {
      const rival = fit.assignments.find(
        (a, j) =>
          a.holder !== 'new' && gapsFor(today, target.seats[j] ?? a, to, size, playbook) !== null,
      )
      const other = rival && rival.holder !== 'new' ? name(rival.holder.current) : 'another leader'
      lines.push(sentence(steps.departNoSeat, { holder, from: was, other }))
    }
  }
  if (
    kind === 'evolve' &&
    fit.assignments.some((a) => a.holder === 'new' && a.engagement === 'fractional')
  )
    lines.push(steps.derisk)
  if (target.seats.length >= 2) {
    if (!roleCharter) lines.push(kind === 'keep' ? steps.writeCharter : steps.charter)
    if (kind !== 'keep') lines.push(steps.weekly)
  }
  lines.push(steps.review)

  const label = target.label
  const fromLabel = from
    ? doc.structures[from].label
    : `today's ${seats.map((s) => `${s.engagement} ${s.title}`).join(' + ')}`
  const summary =
    kind === 'keep'
      ? `Keep today's structure: ${label}.`
      : kind === 'evolve'
        ? `Evolve along the fractional path from ${fromLabel} to ${label}.`
        : from === to
          ? `Keep the structure (${label}) and change who holds its seats.`
          : `Restructure from ${fromLabel} to ${label}.`
  return {
    kind,
    from,
    to,
    summary,
    steps: lines,
    assignments: fit.assignments,
    departures: fit.departures,
  }
}

/**
 * The change with the remedies of the diagnosis among its steps, before the closing review; the steps
 * a remedy stands in for (`replaces`) give way to it.
 */
export function withRemedies(
  change: Change,
  remedies: readonly string[],
  replaced: readonly string[] = [],
): Change {
  const missing = remedies.filter((r, i) => !change.steps.includes(r) && remedies.indexOf(r) === i)
  const dropped = remedies.length > 0 ? replaced.filter((r) => change.steps.includes(r)) : []
  if (missing.length === 0 && dropped.length === 0) return change
  const steps = change.steps.filter((s) => !dropped.includes(s))
  steps.splice(Math.max(0, steps.length - 1), 0, ...missing)
  return { ...change, steps }
}

/** A playbook text with its `{name}` placeholders filled in. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return compileTemplate(template)(values)
}

/** A step or sentence from its template, with a capital letter first ("the full-time CTO stays…"). */
export function sentence(template: string, values: Readonly<Record<string, string>>): string {
  const text = fill(template, values)
  return text.charAt(0).toUpperCase() + text.slice(1)
}
