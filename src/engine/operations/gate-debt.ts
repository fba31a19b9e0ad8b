import type { GateContext, MissingItem } from './check-gate.js'
import type { Initiative, StageMoveRecord } from './operations-schema.js'
import type { GatedStage } from './vocabulary.js'
import { checkGate } from './check-gate.js'
import { currentStage } from './current-stage.js'
import { operationsConfig } from './operations-config.js'

/** A gate item skipped by a forced move and still not met. */
export interface GateDebt extends MissingItem {
  readonly move: StageMoveRecord
  /** Skipping it makes `gate-overridden` critical (the playbook's `criticalItems`, `criticalTiers`). */
  readonly critical: boolean
}

// A pilot owes the debt of its pilot gate; a production initiative owes both gates'.
const OWES: Readonly<Partial<Record<string, readonly GatedStage[]>>> = {
  pilot: ['pilot'],
  production: ['pilot', 'production'],
}

/**
 * The items forced moves skipped that are still missing (operate.md §1 "Forcing": skipped items stay
 * open as gate debt). Only the gates behind the initiative's current stage count: an initiative taken
 * back to `idea`, retired or stopped owes nothing.
 */
export function gateDebt(initiative: Initiative, context: GateContext): readonly GateDebt[] {
  const owes = OWES[currentStage(initiative)] ?? []
  const forced = initiative.history.filter(
    (move) => move.kind === 'forced' && (owes as readonly string[]).includes(move.to),
  )
  if (forced.length === 0) return []
  const config = operationsConfig(context.playbook).signals['gate-overridden']
  const missingBy = new Map<GatedStage, readonly MissingItem[]>()
  const debt: GateDebt[] = []
  const seen = new Set<string>()
  for (const move of forced) {
    const gate = move.to as GatedStage
    let missing = missingBy.get(gate)
    if (!missing) {
      missing = checkGate(initiative, gate, context)
      missingBy.set(gate, missing)
    }
    for (const skip of move.skipped) {
      const open = missing.find((m) => m.item === skip.item && m.detail === skip.detail)
      const key = `${gate}:${skip.item}:${skip.detail ?? ''}`
      if (!open || seen.has(key)) continue
      seen.add(key)
      const tier = skip.tier ?? open.tier
      const critical =
        config.criticalItems.includes(skip.item) ||
        (skip.item === 'use-case-tier' &&
          tier !== undefined &&
          (config.criticalTiers as readonly string[]).includes(tier))
      debt.push({ ...open, move, critical })
    }
  }
  return debt
}
