import type { Playbook } from './compile-playbook.js'
import type { PlaybookDoc } from './playbook-schema.js'
import type { Profile } from './profile-schema.js'
import type { Change, Seat } from './types.js'
import type { ChangeKind, StructureId } from './vocabulary.js'
import { currentStructure } from './current-structure.js'
import { STRUCTURES } from './vocabulary.js'

/** How the recommendation differs from today: keep, evolve along the fractional path, or restructure. */
export function describeChange(profile: Profile, to: StructureId, playbook: Playbook): Change {
  const seats = profile.current?.seats ?? []
  const roleCharter = profile.current?.roleCharter === true
  const from = currentStructure(seats, playbook)
  // No seats today, or a structure's seats in its own order: the playbook built this change once.
  if (seats.length === 0 || (from !== null && sameSeats(seats, playbook.seats[from]))) {
    const built = playbook.changes[changeKey(from, to, roleCharter)]
    if (built) return built
  }
  return buildChange(playbook.doc, seats, from, to, roleCharter)
}

/** The key of a change in `Playbook.changes`: today's structure (or none), the target, the charter. */
export function changeKey(from: StructureId | null, to: StructureId, roleCharter: boolean): string {
  return `${from ?? 'none'}>${to}>${roleCharter ? 'charter' : 'no-charter'}`
}

/**
 * Every change from no seats, or from a structure's seats in its own order, to each structure, with
 * and without a role charter, by `changeKey`. A record rather than a Map: deepFreeze freezes a
 * record's entries, and the reply serializer reuses the JSON of frozen parts.
 */
export function buildChanges(doc: PlaybookDoc): Record<string, Change> {
  const changes: Record<string, Change> = {}
  for (const from of [null, ...STRUCTURES]) {
    const seats = from ? doc.structures[from].seats : []
    for (const to of STRUCTURES) {
      for (const roleCharter of [false, true]) {
        changes[changeKey(from, to, roleCharter)] = buildChange(doc, seats, from, to, roleCharter)
      }
    }
  }
  return changes
}

/**
 * The change from today's seats (`from` is the structure they form, if any) to a structure. Steps
 * bring in the seats the target adds and transition the ones it drops, in the order given.
 */
export function buildChange(
  doc: PlaybookDoc,
  seats: readonly Seat[],
  from: StructureId | null,
  to: StructureId,
  roleCharter: boolean,
): Change {
  const structures = doc.structures
  const target = structures[to]
  const kind: ChangeKind =
    seats.length === 0
      ? 'establish'
      : from === to
        ? 'keep'
        : from !== null && structures[from].pathOrder < target.pathOrder
          ? 'evolve'
          : 'restructure'

  const steps: string[] = []
  const today = seats.map((s) => `${s.engagement} ${s.title}`)
  const remaining = [...today]
  for (const seat of target.seats) {
    const key = `${seat.engagement} ${seat.title}`
    const at = remaining.indexOf(key)
    if (at >= 0) {
      remaining.splice(at, 1)
      continue
    }
    steps.push(`Bring in a ${key} who ${doc.seatGuidance[seat.title]}.`)
  }
  for (const seat of remaining) {
    steps.push(
      `Transition the ${seat} seat: its responsibilities move as the charter below assigns them.`,
    )
  }
  if (kind === 'evolve' && target.seats.some((s) => s.engagement === 'fractional')) {
    steps.push(
      'Start fractional to de-risk the hire: work with leaders who have proven their capability before committing to full-time roles.',
    )
  }
  if (target.seats.length >= 2) {
    if (!roleCharter)
      steps.push(
        'Adopt the responsibility charter below before the new structure starts: clear role definition from day one.',
      )
    steps.push('Hold a weekly CTO–CAIO strategic alignment meeting.')
  }
  steps.push(
    'Review the structure against the five questions as the organization grows (see the roadmap).',
  )

  const label = target.label
  const summary =
    kind === 'establish'
      ? `Establish: ${label}.`
      : kind === 'keep'
        ? `Keep today's structure: ${label}.`
        : kind === 'evolve'
          ? `Evolve along the fractional path from ${from ? structures[from].label : 'today'} to ${label}.`
          : `Restructure from ${from ? structures[from].label : `today's ${today.join(' + ') || 'arrangement'}`} to ${label}.`
  return {
    kind,
    from,
    to,
    summary,
    steps: kind === 'keep' ? keepSteps(roleCharter, target.seats.length) : steps,
  }
}

function keepSteps(roleCharter: boolean, seatCount: number): string[] {
  const steps: string[] = []
  if (seatCount >= 2 && !roleCharter) steps.push('Write down the responsibility charter below.')
  steps.push(
    'Review the structure against the five questions as the organization grows (see the roadmap).',
  )
  return steps
}

function sameSeats(seats: readonly Seat[], structureSeats: readonly Seat[]): boolean {
  return (
    seats.length === structureSeats.length &&
    seats.every(
      (s, i) =>
        s.title === structureSeats[i]?.title && s.engagement === structureSeats[i]?.engagement,
    )
  )
}
