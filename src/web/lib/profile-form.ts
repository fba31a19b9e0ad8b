import type { Profile, ProfileInput } from '../../engine/profile-schema.js'
import type { Issue } from '../../engine/result.js'
import { crossFieldProblems } from '../../engine/cross-field-problems.js'
import { formatPath, validateProfile } from '../../engine/validate-profile.js'
import { getAt } from './paths.js'

// The profile form's state is the profile document itself (as the user is writing it); the engine's
// own schema validates it on every change so the form and the API can never disagree.

export type Draft = Record<string, unknown>

export interface DraftCheck {
  readonly profile: Profile | null
  /** First problem per field path (`ai.useCases[0].name`), worded for a form. */
  readonly errors: Readonly<Record<string, string>>
}

/**
 * Validates a draft with the engine's `validateProfile`; errors keyed by field path. The checks that
 * compare fields run on the draft as it is, so "60 engineers for 45 employees" shows as it is typed,
 * not only once the rest of the profile is valid.
 */
export function checkDraft(draft: Draft): DraftCheck {
  const result = validateProfile(draft)
  if (result.ok) return { profile: result.value, errors: {} }
  return {
    profile: null,
    errors: {
      ...errorsByPath(result.error, draft),
      ...errorsByPath(crossFieldProblems(draft), draft),
    },
  }
}

/** The field paths whose problem compares it with another field (shown at once, not on Next). */
export function crossFieldPaths(draft: Draft): ReadonlySet<string> {
  return new Set(crossFieldProblems(draft).map((issue) => formatPath(issue.path)))
}

/** First message per path, so each field shows one clear problem. */
export function errorsByPath(
  issues: readonly Issue[],
  draft: Draft = {},
): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const path = formatPath(issue.path)
    const missing =
      issue.path.length > 0 && getAt(draft, path) === undefined && issue.code !== 'unknown_field'
    errors[path] ??= missing ? 'Required' : formMessage(issue)
  }
  return errors
}

/** Errors of `errors` that belong to no field the form shows, so they are never hidden. */
export function unplacedErrors(
  errors: Readonly<Record<string, string>>,
  shown: readonly string[],
): readonly [string, string][] {
  return Object.entries(errors).filter(([path]) => !shown.includes(path))
}

/** The value of a number input: empty stays absent, anything else is a number for zod to judge. */
export function numberFromInput(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return Number(trimmed)
}

/**
 * What a whole-number field keeps of what was typed: empty stays absent, digits are the number, and
 * anything else ("forty five", "4e1", "-3") is refused (`null`) so the field keeps its last value.
 */
export function countFromTyping(text: string): number | undefined | null {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null
}

/** A new profile for the questionnaire: no answer chosen in advance for any required question. */
export function emptyWizardDraft(): Draft {
  return { name: '', ai: { functions: [], useCases: [] } }
}

/** A new, empty profile with the schema's defaults filled in where the form shows them. */
export function emptyDraft(): Draft {
  return {
    name: '',
    products: 1,
    industry: 'other',
    ai: { functions: [], useCases: [] },
    budget: { fullTimeLeaders: 1 },
  }
}

/** The document to send: the draft as written (the server normalizes it with the same schema). */
export function draftToInput(draft: Draft): ProfileInput {
  return draft as unknown as ProfileInput
}

function formMessage(issue: Issue): string {
  // By code and expected kind (src/contract/issue.ts), never by Zod's English wording.
  if (issue.code === 'too_small' && issue.expected === 'string') return 'Required'
  // A number input holds a number or NaN (numberFromInput): a type issue here is unreadable text.
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number'
  return issue.message
}
