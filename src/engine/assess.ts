import type { Playbook } from './compile-playbook.js'
import type { OperationalFacts } from './operations/operational-facts.js'
import type { Profile } from './profile-schema.js'
import type { Assessment, Charter, Recommendation } from './types.js'
import { answerQuestions } from './answer-questions.js'
import { buildRoadmap } from './build-roadmap.js'
import { explainCondition } from './compile-condition.js'
import { decide } from './decide.js'
import { deriveFacts } from './derive-facts.js'
import { deriveStakes } from './derive-stakes.js'
import { describeChange } from './describe-change.js'
import { diagnose } from './diagnose.js'
import { findBlocking } from './find-blocking.js'
import { findCounterfactuals } from './find-counterfactuals.js'
import { fromRegister } from './operations/from-register.js'
import { signalsOf } from './signals-of.js'
import { ASSESSMENT_SCHEMA_ID } from './types.js'

export interface AssessOptions {
  /** A charter in use today, diagnosed for rows without exactly one Accountable. */
  readonly charter?: Charter
  /** The organization's register as of a day: its facts replace the profile's typed ones (operate.md §3). */
  readonly register?: OperationalFacts
}

/** Assesses a validated profile with a compiled playbook: the whole of framework.md §3–§9. Pure. */
export function assess(
  typed: Profile,
  playbook: Playbook,
  options: AssessOptions = {},
): Assessment {
  const registered = options.register ? fromRegister(typed, options.register) : null
  const profile = registered?.profile ?? typed
  const stakes = deriveStakes(profile, playbook)
  const signals = signalsOf(profile, stakes.level)
  const facts = deriveFacts(signals, playbook)
  const decision = decide(facts, playbook)
  const structure = playbook.doc.structures[decision.structure]
  // Seats, why and source are shared with the compiled playbook: built once, never copied.
  const recommendation: Recommendation = {
    structure: decision.structure,
    label: structure.label,
    seats: playbook.seats[decision.structure],
    stage: structure.stage,
    rule: decision.rule.id,
    cap: decision.cap?.id ?? null,
    facts: [
      ...explainCondition(decision.rule.when, facts),
      ...(decision.cap ? [{ name: 'budget', value: facts.budget }] : []),
    ].filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i),
    why: decision.why,
    source: decision.source,
    change: describeChange(profile, decision.structure, playbook),
  }
  const diagnosis = diagnose(profile, facts, playbook, options.charter)
  const notes: string[] = []
  if (stakes.overridden) {
    notes.push(
      `Failure stakes were set to "${stakes.level}" in the profile (ai.stakes); the profile's industry and use cases give "${stakes.derived}".`,
    )
  }
  notes.push(...diagnosis.notes)
  if (registered && registered.record.facts.length > 0) {
    notes.push(
      `${registered.record.facts.map((f) => f.field).join(', ')} come from the register as of ${registered.record.asOf}, not from the profile.`,
    )
  }

  return {
    schema: ASSESSMENT_SCHEMA_ID,
    playbook: { id: playbook.id, version: playbook.version },
    profile,
    derived: { size: facts.size, aiDemand: facts.aiDemand },
    questions: answerQuestions(profile, facts, stakes, playbook),
    stakes,
    recommendation,
    antiPatterns: diagnosis.antiPatterns,
    charter: playbook.charters[decision.structure],
    cadence: playbook.cadences[decision.structure],
    counterfactuals: findCounterfactuals(signals, playbook),
    roadmap: buildRoadmap(profile, playbook),
    findings: findBlocking(stakes, playbook),
    notes,
    ...(registered ? { register: registered.record } : {}),
  }
}
