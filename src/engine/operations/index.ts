// The register, the meeting and the signals (operate.md): pure functions over plain data.
export * from './vocabulary.js'
export * from './operations-schema.js'
export { operationsPlaybookSchema, signalsConfigSchema } from './operations-playbook-schema.js'
export type { OperationsPlaybook, SignalsConfig } from './operations-playbook-schema.js'
export { compileOperationsPlaybook } from './compile-operations-playbook.js'
export { validateOperations } from './validate-operations.js'
export { ALLOWED_MOVES, isAllowedMove } from './allowed-moves.js'
export { currentStage, stageSince, stageOn } from './current-stage.js'
export { isDay, isInstant, dayOf, daysBetween, addDays } from './dates.js'
export { lensSeat, actsFor } from './lens-seat.js'
export { latestCto, latestCaio, currentMeasure } from './latest-review.js'
export { checkGate, classificationOf, dutyId } from './check-gate.js'
export type { MissingItem, GateContext } from './check-gate.js'
export { planMove, MOVE_REFUSALS } from './plan-move.js'
export type { MoveRequest, MoveRefusal, MoveRefusalCode } from './plan-move.js'
export { gateDebt } from './gate-debt.js'
export type { GateDebt } from './gate-debt.js'
export { roiOf, wentLive } from './roi-of.js'
export type { Roi } from './roi-of.js'
export {
  operationsAsOf,
  initiativeAsOf,
  meetingStatus,
  decisionStatusOn,
} from './operations-as-of.js'
export type { OperationsAsOf, MeetingAsOf } from './operations-as-of.js'
export { operationsConfig } from './operations-config.js'
export { signals, signalKey, antiPatternOf } from './signals.js'
export type { Signal, SignalsResult, SignalEvidence, SubjectKind } from './signals.js'
export { cadenceOf, hasBothSeats, registerStart } from './signals/partners-dont-talk.js'
export { reviewDay } from './signals/production-stalls.js'
export { disagree, disagreeingSince } from './signals/lenses-disagree.js'
