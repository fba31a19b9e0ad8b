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
export { generateAgenda } from './generate-agenda.js'
export type { Agenda } from './generate-agenda.js'
export { operationalFacts } from './operational-facts.js'
export type { OperationalFacts } from './operational-facts.js'
export { fromRegister } from './from-register.js'
export type { RegisterFact, RegisterRecord } from './from-register.js'
export { buildDigest, DIGEST_SCHEMA_ID } from './build-digest.js'
export type {
  Digest,
  DigestOptions,
  DigestMove,
  DigestReview,
  DigestMeasurement,
  DigestDecision,
  DigestMeeting,
} from './build-digest.js'
export { buildWorkspaceDigest, WORKSPACE_DIGEST_SCHEMA_ID } from './build-workspace-digest.js'
export type { WorkspaceDigest } from './build-workspace-digest.js'
export { buildHandoffPack, HANDOFF_SCHEMA_ID } from './build-handoff-pack.js'
export type { HandoffPack } from './build-handoff-pack.js'
