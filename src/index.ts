// Tandem as a library: the engine's pure API plus the conveniences a program wants — the shipped
// playbook, file readers, and the reports. `assess(profile)` validates and assesses in one call.
import type { AssessOptions } from './engine/assess.js'
import type { Playbook } from './engine/compile-playbook.js'
import type { Assessment } from './engine/types.js'
import { assess as assessValidated } from './engine/assess.js'
import { problemFromIssue } from './contract/issue.js'
import { validateProfile } from './engine/validate-profile.js'
import { InvalidInputError } from './errors/invalid-input-error.js'
import { defaultPlaybook } from './io/load-playbook.js'

export * from './engine/index.js'
export { assess as assessProfile } from './engine/assess.js'
export { classify, compileClassifier, tierToStakes } from './engine/stakes/index.js'
export type { Classifier, ClassifiedUseCase } from './engine/stakes/index.js'
export {
  assessmentSchema,
  charterSchema,
  classificationSchema,
  jsonSchemas,
} from './engine/assessment-schema.js'
export { defaultPlaybook, loadPlaybook, compilePlaybookText } from './io/load-playbook.js'
export { readProfile, parseProfileText } from './io/read-profile.js'
export { readProfiles } from './io/read-profiles.js'
export { renderMarkdown, renderHtml, exportCharter } from './report/index.js'
export { AppError, formatProblem } from './errors/app-error.js'
export type { Problem, ErrorCode } from './errors/app-error.js'
export { ERROR_CODES, ERRORS, EXIT } from './contract/error-codes.js'
export type { ApiIssue, Issue } from './contract/issue.js'
export { InvalidInputError } from './errors/invalid-input-error.js'
export { InvalidPlaybookError } from './errors/invalid-playbook-error.js'

/**
 * Validates a profile (`tandem/profile@1`) and assesses it with a playbook (the shipped one by default).
 * Throws `InvalidInputError` listing every problem with its field.
 */
export function assess(
  profile: unknown,
  playbook: Playbook = defaultPlaybook(),
  options: AssessOptions = {},
): Assessment {
  const validated = validateProfile(profile)
  if (!validated.ok) {
    throw new InvalidInputError(
      'the profile is not valid',
      validated.error.map((issue) => problemFromIssue(issue)),
    )
  }
  return assessValidated(validated.value, playbook, options)
}
