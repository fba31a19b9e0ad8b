import type { Playbook } from './compile-playbook.js'
import type { Profile } from './profile-schema.js'
import type { Change } from './types.js'
import type { ChangeKind, StructureId } from './vocabulary.js'
import { currentStructure } from './current-structure.js'

/** How the recommendation differs from today: keep, evolve along the fractional path, or restructure. */
export function describeChange(profile: Profile, to: StructureId, playbook: Playbook): Change {
  const structures = playbook.doc.structures
  const target = structures[to]
  const seats = profile.current?.seats ?? []
  const from = currentStructure(seats, playbook)
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
    steps.push(`Bring in a ${key} who ${playbook.doc.seatGuidance[seat.title]}.`)
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
    if (!profile.current?.roleCharter)
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
    steps: kind === 'keep' ? keepSteps(profile, target.seats.length) : steps,
  }
}

function keepSteps(profile: Profile, seatCount: number): string[] {
  const steps: string[] = []
  if (seatCount >= 2 && !profile.current?.roleCharter)
    steps.push('Write down the responsibility charter below.')
  steps.push(
    'Review the structure against the five questions as the organization grows (see the roadmap).',
  )
  return steps
}
