import type { Playbook } from './compile-playbook.js'
import type { Decision } from './decide.js'
import type { Facts } from './facts.js'
import type { Profile } from './profile-schema.js'
import { decide } from './decide.js'
import { deriveFacts } from './derive-facts.js'
import { stakesLevelOf } from './derive-stakes.js'
import { signalsOf } from './signals-of.js'

/** The recommended structure alone, without diagnosis or explanation: the fast path. */
export function recommend(
  profile: Profile,
  playbook: Playbook,
): Decision & { readonly facts: Facts } {
  const facts = deriveFacts(signalsOf(profile, stakesLevelOf(profile, playbook)), playbook)
  const decision = decide(facts, playbook)
  const { rule, cap, structure, why, source } = decision
  return { rule, cap, structure, why, source, facts }
}
