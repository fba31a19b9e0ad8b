import type { Issue, Result } from '../result.js'
import type { GateContext, MissingItem } from './check-gate.js'
import type { Initiative, SeatRef, StageMoveRecord } from './operations-schema.js'
import type { GatedStage, Stage } from './vocabulary.js'
import { isAllowedMove } from './allowed-moves.js'
import { checkGate } from './check-gate.js'
import { currentStage } from './current-stage.js'
import { actsFor } from './lens-seat.js'
import { GATED_STAGES } from './vocabulary.js'

export interface MoveRequest {
  readonly to: Stage
  readonly reason?: string | undefined
  readonly force?: boolean | undefined
  /** Seats of the other lens acknowledging the items a forced move skips. */
  readonly acknowledgedBy?: readonly SeatRef[] | undefined
}

export const MOVE_REFUSALS = [
  'MOVE_NOT_ALLOWED',
  'GATE_NOT_MET',
  'FORCE_NOT_ALLOWED',
  'REASON_REQUIRED',
  'ACKNOWLEDGEMENT_REQUIRED',
  'PROHIBITED_USE_CASE',
] as const
export type MoveRefusalCode = (typeof MOVE_REFUSALS)[number]

/** Why a move was refused: a stable code, one issue per missing item or broken rule. */
export interface MoveRefusal {
  readonly code: MoveRefusalCode
  readonly message: string
  readonly issues: readonly Issue[]
  readonly missing: readonly MissingItem[]
}

/**
 * Decides a stage move (operate.md §1 "Stages", "Gates", "Forcing"): the history record to append, or
 * why it is refused. Only the owner seat may force, with a reason; items of the other seat's lens need
 * that seat's acknowledgement; nothing but a move to `stopped` passes a prohibited use case.
 */
export function planMove(
  initiative: Initiative,
  request: MoveRequest,
  actor: SeatRef,
  at: string,
  context: GateContext,
): Result<StageMoveRecord, MoveRefusal> {
  const from = currentStage(initiative)
  if (!isAllowedMove(from, request.to)) {
    return refuse('MOVE_NOT_ALLOWED', `a move from "${from}" to "${request.to}" is not allowed`, [
      {
        code: 'MOVE_NOT_ALLOWED',
        path: ['to'],
        message: `"${from}" cannot move to "${request.to}"`,
      },
    ])
  }
  const missing = isGated(request.to) ? checkGate(initiative, request.to, context) : []
  const base = { at, from, to: request.to, by: actor, acknowledgedBy: [] as SeatRef[] }
  const reason = request.reason?.trim()
  if (missing.length === 0) {
    return {
      ok: true,
      value: { ...base, kind: 'move', skipped: [], ...(reason ? { reason } : {}) },
    }
  }
  const prohibited = missing.filter((m) => m.item === 'use-case-not-prohibited')
  if (prohibited.length > 0 && request.force === true) {
    return refuse(
      'PROHIBITED_USE_CASE',
      'a prohibited use case can only be stopped',
      issuesOf(prohibited),
      prohibited,
    )
  }
  if (request.force !== true) {
    return refuse(
      'GATE_NOT_MET',
      `the gate into "${request.to}" is not met: ${missing.length} item(s) missing`,
      issuesOf(missing),
      missing,
    )
  }
  const owner = initiative.owner?.seat
  if (owner === undefined || !actsFor(actor, owner)) {
    const message =
      owner === undefined
        ? 'only the owner seat may force a move, and the initiative has no owner'
        : `only someone acting for the owner seat ${owner} may force a move`
    return refuse(
      'FORCE_NOT_ALLOWED',
      message,
      [{ code: 'FORCE_NOT_ALLOWED', path: ['force'], message }],
      missing,
    )
  }
  if (!reason) {
    const message = 'a forced move needs a reason'
    return refuse(
      'REASON_REQUIRED',
      message,
      [{ code: 'REASON_REQUIRED', path: ['reason'], message }],
      missing,
    )
  }
  const unacknowledged = missing.filter(
    (m) =>
      !actsFor(actor, m.seat) && !(request.acknowledgedBy ?? []).some((s) => actsFor(s, m.seat)),
  )
  if (unacknowledged.length > 0) {
    const seats = [...new Set(unacknowledged.map((m) => m.seat))]
    return refuse(
      'ACKNOWLEDGEMENT_REQUIRED',
      `forcing past items of the ${seats.join(' and ')} lens needs that seat's acknowledgement`,
      issuesOf(unacknowledged),
      unacknowledged,
    )
  }
  const acknowledgedBy = (request.acknowledgedBy ?? []).filter((s) =>
    missing.some((m) => !actsFor(actor, m.seat) && actsFor(s, m.seat)),
  )
  return {
    ok: true,
    value: {
      ...base,
      kind: 'forced',
      reason,
      acknowledgedBy,
      skipped: missing.map((m) => ({
        item: m.item,
        ...(m.detail !== undefined ? { detail: m.detail } : {}),
        ...(m.tier !== undefined ? { tier: m.tier } : {}),
      })),
    },
  }
}

function isGated(stage: Stage): stage is GatedStage {
  return (GATED_STAGES as readonly Stage[]).includes(stage)
}

function issuesOf(missing: readonly MissingItem[]): Issue[] {
  return missing.map((m) => ({
    code: m.item,
    path: ['gate', m.item, ...(m.detail !== undefined ? [m.detail] : [])],
    message: m.message,
  }))
}

function refuse(
  code: MoveRefusalCode,
  message: string,
  issues: readonly Issue[],
  missing: readonly MissingItem[] = [],
): Result<never, MoveRefusal> {
  return { ok: false, error: { code, message, issues, missing } }
}
