import type { Playbook } from './compile-playbook.js'
import type { Decision } from './decide.js'
import type { Facts, Signals } from './facts.js'
import type { SeatFit, TableAt } from './fit-seats.js'
import type { Profile } from './profile-schema.js'
import type { StructureId } from './vocabulary.js'
import { decide } from './decide.js'
import { deriveFacts } from './derive-facts.js'
import { stakesLevelOf } from './derive-stakes.js'
import { fitSeats } from './fit-seats.js'
import { signalsOf } from './signals-of.js'
import { BUDGET_LEVELS } from './vocabulary.js'

/** A recommendation without explanation: the table's decision, fitted to today's people. */
export interface Recommended extends Decision {
  readonly facts: Facts
  /** The table's structure after budget caps (`Decision.structure` is the fitted one). */
  readonly table: StructureId
  /** How today's holders fit (framework.md §4a); null without `current.seats`. */
  readonly seatFit: SeatFit | null
}

/** The recommended structure alone, without diagnosis or explanation: the fast path. */
export function recommend(profile: Profile, playbook: Playbook): Recommended {
  const signals = signalsOf(profile, stakesLevelOf(profile, playbook))
  return recommendFor(profile, signals, playbook)
}

/** `recommend` from signals already read off the profile. */
export function recommendFor(profile: Profile, signals: Signals, playbook: Playbook): Recommended {
  const facts = deriveFacts(signals, playbook)
  const decision = decide(facts, playbook)
  const { rule, cap, structure, why, source } = decision
  const seats = profile.current?.seats ?? []
  if (seats.length === 0)
    return { rule, cap, structure, why, source, facts, table: structure, seatFit: null }
  const seatFit = fitSeats(seats, facts, tableAt(signals, playbook), playbook)
  return {
    rule,
    cap,
    structure: seatFit.structure,
    why,
    source,
    facts,
    table: structure,
    seatFit,
  }
}

/** The table's structure for the same signals at another budget level. */
export function tableAt(signals: Signals, playbook: Playbook): TableAt {
  return (budget) =>
    decide(
      deriveFacts({ ...signals, fullTimeLeaders: BUDGET_LEVELS.indexOf(budget) }, playbook),
      playbook,
    ).structure
}
