// The engine's public surface: pure functions over plain data.
export * from './vocabulary.js'
export * from './result.js'
export * from './types.js'
export * from './facts.js'
export {
  profileSchema,
  useCaseSchema,
  seatSchema,
  growthSortKey,
  PROFILE_SCHEMA_ID,
} from './profile-schema.js'
export type { Profile, ProfileInput, UseCase, CurrentSeat, GrowthStep } from './profile-schema.js'
export { validateProfile, formatPath } from './validate-profile.js'
export { playbookDocSchema, PLAYBOOK_SCHEMA_ID } from './playbook-schema.js'
export type { PlaybookDoc, QuestionDefinition, ConditionDoc } from './playbook-schema.js'
export { compilePlaybook } from './compile-playbook.js'
export type { Playbook, CompiledRule, CompiledCap } from './compile-playbook.js'
export { assess } from './assess.js'
export type { AssessOptions } from './assess.js'
export { recommend } from './recommend.js'
export { decide } from './decide.js'
export type { Decision } from './decide.js'
export { deriveFacts } from './derive-facts.js'
export { buildCharter, mergeCells } from './build-charter.js'
export { validateCharter } from './validate-charter.js'
export { currentStructure } from './current-structure.js'
export { applyGrowth } from './apply-growth.js'
export { summarize } from './summarize.js'
export type { AssessmentSummary } from './summarize.js'
export * from './operations/index.js'
