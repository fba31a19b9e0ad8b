import type { Playbook } from './compile-playbook.js'
import type { Facts } from './facts.js'
import type { SeatFit } from './fit-seats.js'
import type { CurrentSeat, Profile } from './profile-schema.js'
import type { Detector, DiagnosisContext } from './anti-patterns/context.js'
import type { AntiPatternFinding, Charter } from './types.js'
import type { AntiPatternId, StructureId } from './vocabulary.js'
import { caioWithoutTechnicalDepth } from './anti-patterns/caio-without-technical-depth.js'
import { depthsOf } from './fit-seats.js'
import { ctoCanHandleAi } from './anti-patterns/cto-can-handle-ai.js'
import { partnersDontTalk } from './anti-patterns/partners-dont-talk.js'
import { rolesLater } from './anti-patterns/roles-later.js'
import { unifiedWithoutDualDepth } from './anti-patterns/unified-without-dual-depth.js'

export interface Diagnosis {
  readonly antiPatterns: readonly AntiPatternFinding[]
  /** Inputs the diagnosis needed but did not get. */
  readonly notes: readonly string[]
}

/** One detector per anti-pattern id (framework.md §5); the playbook holds their texts and order. */
const DETECTORS: Readonly<Record<AntiPatternId, Detector>> = {
  'cto-can-handle-ai': ctoCanHandleAi,
  'caio-without-technical-depth': caioWithoutTechnicalDepth,
  'unified-without-dual-depth': unifiedWithoutDualDepth,
  'roles-later': rolesLater,
  'partners-dont-talk': partnersDontTalk,
}

/** The recommendation that remedies must agree with. */
export interface Recommended {
  readonly structure: StructureId
  readonly seatFit: SeatFit | null
}

/** Diagnoses today's arrangement: each anti-pattern of the playbook, in its order, by its detector. */
export function diagnose(
  profile: Profile,
  facts: Facts,
  playbook: Playbook,
  recommended: Recommended,
  charter?: Charter,
): Diagnosis {
  const current = profile.current
  if (!current) return { antiPatterns: [], notes: [] }
  const context: DiagnosisContext = {
    current,
    seats: current.seats,
    facts,
    playbook,
    charter,
    structure: recommended.structure,
    seatFit: recommended.seatFit,
    symptomsGoTo: symptomsGoTo(current.seats, facts, playbook),
  }
  const antiPatterns: AntiPatternFinding[] = []
  const notes: string[] = []
  for (const id of Object.keys(playbook.doc.antiPatterns) as AntiPatternId[]) {
    const detected = DETECTORS[id](context)
    if (detected.finding) antiPatterns.push(detected.finding)
    notes.push(...detected.notes)
  }
  return { antiPatterns, notes }
}

/**
 * Where the pilot and ROI symptoms count (framework.md §5): with a CTO alone, for "the CTO can handle
 * AI"; with a CAIO, for the CAIO's missing depth if any, else for the partners' alignment; with a
 * CTO/CAIO, for their missing AI depth.
 */
function symptomsGoTo(
  seats: readonly CurrentSeat[],
  facts: Facts,
  playbook: Playbook,
): AntiPatternId | null {
  const caios = seats.filter((s) => s.title === 'CAIO')
  if (caios.length > 0) {
    if (caios.some((s) => s.shippedAiSystems === false)) return 'caio-without-technical-depth'
    return seats.some((s) => s.title === 'CTO') ? 'partners-dont-talk' : null
  }
  const unified = seats.filter((s) => s.title === 'CTO/CAIO')
  if (unified.length > 0)
    return unified.some((s) => !depthsOf(s, playbook).ai) ? 'unified-without-dual-depth' : null
  return seats.some((s) => s.title === 'CTO') && facts.aiDemand !== 'none'
    ? 'cto-can-handle-ai'
    : null
}
