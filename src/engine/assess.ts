import type { Playbook } from './compile-playbook.js'
import type { OperationalFacts } from './operations/operational-facts.js'
import type { Profile } from './profile-schema.js'
import type { Assessment, Charter, Recommendation } from './types.js'
import { answerQuestions } from './answer-questions.js'
import { buildRoadmap } from './build-roadmap.js'
import { buildSummary } from './build-summary.js'
import { explainCondition } from './compile-condition.js'
import { deriveStakes } from './derive-stakes.js'
import { describeChange, sentence, withRemedies } from './describe-change.js'
import { diagnose } from './diagnose.js'
import { explainFit } from './explain-fit.js'
import { findBlocking } from './find-blocking.js'
import { findCounterfactuals } from './find-counterfactuals.js'
import { leadersBudget } from './leaders-budget.js'
import { buildSizing } from './hiring/build-sizing.js'
import { withSearches } from './hiring/plan-searches.js'
import { fromRegister } from './operations/from-register.js'
import { quotePassages } from './quote-passages.js'
import { recommendFor } from './recommend.js'
import { signalsOf } from './signals-of.js'
import { ASSESSMENT_SCHEMA_ID } from './types.js'
import { budgetWords } from './describe-change.js'

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
  const budget = leadersBudget(profile)
  const recommended = recommendFor(profile, signals, playbook)
  const { facts, seatFit } = recommended
  const structureId = recommended.structure
  const structure = playbook.doc.structures[structureId]
  const seats = profile.current?.seats ?? []
  const fit = seatFit
    ? explainFit(
        seats,
        facts,
        { structure: recommended.table, rule: recommended.rule.id },
        seatFit,
        budget.fullTimeLeaders,
        playbook,
      )
    : null
  const diagnosis = diagnose(profile, facts, playbook, recommended, options.charter)
  // Every remedy is among the steps; a remedy stands in for the steps it replaces (framework.md §5).
  const change = withRemedies(
    describeChange(
      profile,
      structureId,
      seatFit,
      { fullTimeLeaders: budget.fullTimeLeaders, size: facts.size },
      playbook,
    ),
    diagnosis.antiPatterns.map((a) => a.remedy),
    diagnosis.antiPatterns.flatMap((a) =>
      playbook.doc.antiPatterns[a.id].replaces.map((step) => playbook.doc.seating.steps[step]),
    ),
  )
  // Seats, why and source are shared with the compiled playbook where the people leave them as they are.
  const recommendation: Recommendation = {
    structure: structureId,
    label: structure.label,
    seats: playbook.seats[structureId],
    stage: structure.stage,
    rule: recommended.rule.id,
    cap: recommended.cap?.id ?? null,
    facts: [
      ...explainCondition(recommended.rule.when, facts),
      ...(recommended.cap ? [{ name: 'budget', value: facts.budget }] : []),
    ].filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i),
    why: fit ? [...recommended.why, fit.reason] : recommended.why,
    source: fit
      ? quotePassages(
          [...playbook.doc.structures[structureId].source, 'fit-proven', 'fit-adapt'],
          playbook.passages,
          facts,
        ).filter((p, i, all) => all.indexOf(p) === i)
      : recommended.source,
    change,
    fit,
  }
  const notes: string[] = []
  if (stakes.overridden) {
    notes.push(
      `Failure stakes were set to "${stakes.level}" in the profile (ai.stakes); the profile's industry and use cases give "${stakes.derived}".`,
    )
  }
  if (budget.basis === 'current-seats')
    notes.push(
      sentence(playbook.doc.seating.budgetInferred, {
        budget: budgetWords(budget.fullTimeLeaders),
      }),
    )
  notes.push(...diagnosis.notes)
  if (registered && registered.record.facts.length > 0) {
    notes.push(
      `${registered.record.facts.map((f) => f.field).join(', ')} come from the register as of ${registered.record.asOf}, not from the profile.`,
    )
  }
  const findings = findBlocking(stakes, playbook)
  const questions = answerQuestions(profile, facts, stakes, playbook)
  const planned = buildRoadmap(profile, playbook)
  const roadmap = playbook.hiring
    ? withSearches(planned, (p) => playbook.seats[p.structure], playbook.hiring)
    : planned

  return {
    schema: ASSESSMENT_SCHEMA_ID,
    summary: buildSummary(
      profile,
      recommendation,
      diagnosis.antiPatterns,
      findings,
      stakes,
      playbook,
    ),
    playbook: { id: playbook.id, version: playbook.version },
    profile,
    derived: { size: facts.size, aiDemand: facts.aiDemand },
    questions,
    stakes,
    recommendation,
    antiPatterns: diagnosis.antiPatterns,
    charter: playbook.charters[structureId],
    cadence: playbook.cadences[structureId],
    counterfactuals: findCounterfactuals(profile, signals, playbook),
    roadmap,
    findings,
    notes,
    sizing: playbook.hiring
      ? buildSizing(profile, recommendation, questions, roadmap, playbook.hiring)
      : null,
    ...(registered ? { register: registered.record } : {}),
  }
}
