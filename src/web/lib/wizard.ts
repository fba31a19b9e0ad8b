import type { QuestionDefinition } from '../api/types.js'
import type { TodaySection } from '../../engine/today-schema.js'
import { getAt } from './paths.js'

// The questionnaire wizard as data: the playbook's question definitions (the ones the CLI asks),
// then, from the playbook's `today:` block, today's leaders and how AI work goes, then the AI use
// cases, the growth plan, and a review.

export type WizardStep =
  | { readonly kind: 'question'; readonly question: QuestionDefinition }
  | { readonly kind: 'leaders' }
  | { readonly kind: 'today' }
  | { readonly kind: 'use-cases' }
  | { readonly kind: 'growth' }
  | { readonly kind: 'review' }

const USE_CASES_FIELD = 'ai.useCases'

/** The wizard's steps for a questionnaire; use cases get their own step after the last question. */
export function wizardSteps(
  questionnaire: readonly QuestionDefinition[],
  today: TodaySection | null = null,
): readonly WizardStep[] {
  return [
    ...questionnaire
      .filter((question) => question.field !== USE_CASES_FIELD)
      .map((question): WizardStep => ({ kind: 'question', question })),
    ...(today ? [{ kind: 'leaders' } as const, { kind: 'today' } as const] : []),
    { kind: 'use-cases' },
    ...(today ? [{ kind: 'growth' } as const] : []),
    { kind: 'review' },
  ]
}

/** The leaders step's problem: a leader without role or engagement, or no answer at all. */
export function leadersProblem(draft: unknown): string | null {
  const seats = getAt(draft, 'current.seats')
  if (!Array.isArray(seats)) return 'Add today’s leaders, or say you have none.'
  const incomplete = seats.findIndex(
    (seat) => getAt(seat, 'title') === undefined || getAt(seat, 'engagement') === undefined,
  )
  return incomplete < 0 ? null : `Leader ${incomplete + 1}: choose the role and the engagement.`
}

/** The titles of today's leaders in the draft, for the questions that depend on them. */
export function leaderTitles(draft: unknown): readonly string[] {
  const seats = getAt(draft, 'current.seats')
  return Array.isArray(seats)
    ? seats.map((seat) => getAt(seat, 'title')).filter((t): t is string => typeof t === 'string')
    : []
}

/** The value an input's text stands for, typed as the question asks; empty text is no answer. */
export function answerFromText(question: QuestionDefinition, text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  switch (question.type) {
    case 'integer':
      return Number(trimmed)
    case 'boolean':
      return trimmed === 'yes' || trimmed === 'true'
    case 'multi-choice':
      return trimmed
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
    default:
      return trimmed
  }
}

/**
 * The problem with the current answer, or null: a required question left empty, a number under the
 * question's minimum, or what the engine's schema says about that field.
 */
export function questionProblem(
  question: QuestionDefinition,
  draft: unknown,
  schemaErrors: Readonly<Record<string, string>>,
): string | null {
  const value = getAt(draft, question.field)
  const empty =
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0 && question.type !== 'multi-choice')
  if (empty) return question.required ? 'Answer this question to continue.' : null
  if (question.type === 'integer' && typeof value === 'number') {
    if (!Number.isInteger(value)) return 'Enter a whole number.'
    if (question.min !== null && value < question.min) return `Enter ${question.min} or more.`
  }
  return schemaErrors[question.field] ?? null
}

/** A readable answer for the review step. */
export function describeAnswer(question: QuestionDefinition, value: unknown): string {
  if (value === undefined || value === '') return 'Not answered'
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None'
    return value.map((item) => optionLabel(question, text(item))).join(', ')
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return question.type === 'choice' ? optionLabel(question, text(value)) : text(value)
}

function optionLabel(question: QuestionDefinition, value: string): string {
  return question.options.find((option) => String(option.value) === value)?.label ?? value
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value)
}
