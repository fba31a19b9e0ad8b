import type { Playbook } from '../compile-playbook.js'
import type { Facts } from '../facts.js'
import type { SeatFit } from '../fit-seats.js'
import type { CurrentSeat, Profile } from '../profile-schema.js'
import type { AntiPatternFinding, Charter, Evidence } from '../types.js'
import type { AntiPatternId, StructureId } from '../vocabulary.js'
import { fill, holderName, sentence } from '../describe-change.js'

/** What every detector reads: today's arrangement, the facts, and the recommendation remedies agree with. */
export interface DiagnosisContext {
  readonly current: NonNullable<Profile['current']>
  readonly seats: readonly CurrentSeat[]
  readonly facts: Facts
  readonly playbook: Playbook
  /** A charter in use today, if one was supplied. */
  readonly charter: Charter | undefined
  /** The recommended structure: a remedy never contradicts it (framework.md §4a.5). */
  readonly structure: StructureId
  readonly seatFit: SeatFit | null
  /** Where the pilot and ROI symptoms count (framework.md §5). */
  readonly symptomsGoTo: AntiPatternId | null
}

/** A detector's answer: a finding or none, and the inputs it needed but did not get. */
export interface Detected {
  readonly finding: AntiPatternFinding | null
  readonly notes: readonly string[]
}

export type Detector = (context: DiagnosisContext) => Detected

export const NOTHING: Detected = Object.freeze({ finding: null, notes: [] })

/** How a finding names a person: their name, else their title today. */
export function nameOf(context: DiagnosisContext, index: number): string {
  return holderName(context.seats, index)
}

/**
 * A finding with its texts from the playbook: critical when its facts say so or when it has
 * `thresholds.symptoms.criticalAt` symptoms or more; the remedy filled in with the given values.
 */
export function finding(
  context: DiagnosisContext,
  id: AntiPatternId,
  evidence: readonly Evidence[],
  symptoms: number,
  remedy: { readonly text: string; readonly values: Readonly<Record<string, string>> },
  criticalAnyway = false,
): AntiPatternFinding {
  const def = context.playbook.doc.antiPatterns[id]
  const compiled = context.playbook.antiPatterns[id]
  const critical =
    def.severity === 'critical' ||
    criticalAnyway ||
    compiled.critical(context.facts) ||
    symptoms >= context.playbook.doc.thresholds.symptoms.criticalAt
  return {
    id,
    title: def.title,
    severity: critical ? 'critical' : 'warning',
    evidence,
    remedy: sentence(remedy.text, remedy.values),
    source: compiled.source,
  }
}

/** The pilot and ROI symptoms present today, as evidence (framework.md §5). */
export function pilotAndRoiSymptoms(context: DiagnosisContext): Evidence[] {
  const { current, playbook } = context
  const t = playbook.doc.thresholds.ctoOverload
  const texts = playbook.doc.symptoms
  const found: Evidence[] = []
  const pilots = current.aiPilots
  const production = current.aiInProduction
  if (
    pilots !== undefined &&
    pilots >= t.pilotsMin &&
    (production === 0 || (production !== undefined && pilots >= t.pilotsPerProduction * production))
  ) {
    found.push({
      text: fill(texts.pilots, { pilots: String(pilots), production: String(production) }),
      field: 'current.aiPilots',
      value: pilots,
    })
  }
  if (current.roiMeasured === false)
    found.push({ text: fill(texts.roi, {}), field: 'current.roiMeasured', value: false })
  return found
}

/** A seat of the recommended structure and who holds it, for a remedy's words. */
export function seatsOfRecommendation(
  context: DiagnosisContext,
): readonly { readonly label: string; readonly title: string; readonly holder: string }[] {
  const { playbook, structure, seatFit } = context
  return playbook.doc.structures[structure].seats.map((seat, i) => {
    const label = `${seat.engagement} ${seat.title}`
    const a = seatFit?.structure === structure ? seatFit.assignments[i] : undefined
    const holder = a && a.holder !== 'new' ? nameOf(context, a.holder.current) : `the new ${label}`
    return { label, title: seat.title, holder }
  })
}
