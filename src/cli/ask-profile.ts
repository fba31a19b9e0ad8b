import type { QuestionDefinition } from '../engine/playbook-schema.js'
import type { Prompter, PromptOption } from './prompter.js'
import { crossFieldProblems } from '../engine/cross-field-problems.js'
import { formatPath, validateProfile } from '../engine/validate-profile.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { UsageError } from '../errors/usage-error.js'

const NOT_SURE = ''
const YES_NO_NOT_SURE: readonly PromptOption<string>[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: NOT_SURE, label: 'Not sure' },
]

// Rounds of re-asking the questions whose answers do not fit together (engineers > employees).
const MAX_ROUNDS = 3

/** A check of one candidate answer against the answers given so far; a message refuses it. */
export type AnswerCheck = (value: unknown) => string | undefined

/**
 * Walks the playbook's questionnaire, showing each question's help (the article's words), and
 * builds a profile document from the answers by their `field` paths. An answer that does not fit
 * the ones before it (more engineers than employees) is refused as it is typed; the document is
 * validated with the engine at the end and what still does not fit is asked again. Cancelling
 * throws a UsageError.
 */
export async function askProfile(
  questions: readonly QuestionDefinition[],
  prompter: Prompter,
): Promise<Record<string, unknown>> {
  const answers = new Map<string, unknown>()
  let pending = questions
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const question of pending) {
      const fits: AnswerCheck = (value) => {
        const candidate = buildDocument(questions, new Map(answers).set(question.field, value))
        const problem = crossFieldProblems(candidate).find(
          (issue) => formatPath(issue.path) === question.field,
        )
        return problem?.message
      }
      answers.set(question.field, await askQuestion(question, prompter, fits))
    }
    const document = buildDocument(questions, answers)
    const result = validateProfile(document)
    if (result.ok) return document
    const fields = result.error.map((issue) => ({
      field: formatPath(issue.path),
      message: issue.message,
    }))
    const unasked = fields.filter((problem) => !questionFor(questions, problem.field))
    if (unasked.length > 0) {
      throw new InvalidInputError(
        "the playbook's questionnaire cannot produce a valid profile",
        unasked.map((problem) => ({ field: problem.field, message: problem.message })),
      )
    }
    prompter.note(
      fields.map((problem) => `${problem.field}: ${problem.message}`).join('\n'),
      'Please check',
    )
    pending = questions.filter((question) =>
      fields.some((problem) => questionFor([question], problem.field)),
    )
  }
  throw new UsageError(`the answers still do not form a valid profile after ${MAX_ROUNDS} rounds`)
}

/** The profile document in question order, with `schema` first; unanswered fields are absent. */
export function buildDocument(
  questions: readonly QuestionDefinition[],
  answers: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const document: Record<string, unknown> = { schema: 'tandem/profile@1' }
  for (const question of questions) {
    const value = answers.get(question.field)
    if (value !== undefined) setPath(document, question.field.split('.'), value)
  }
  return document
}

/**
 * Asks one question by its type: text and numbers are checked as typed (`fits` compares with other
 * answers); a yes/no question that is not required offers "not sure", which leaves it unanswered.
 */
export async function askQuestion(
  question: QuestionDefinition,
  prompter: Prompter,
  fits: AnswerCheck = () => undefined,
): Promise<unknown> {
  const message = `${question.prompt}\n${question.help}`
  const options: PromptOption<string | number>[] = question.options.map((option) =>
    option.hint === undefined
      ? { value: option.value, label: option.label }
      : { value: option.value, label: option.label, hint: option.hint },
  )
  let answer: unknown
  switch (question.type) {
    case 'text':
      answer = await prompter.text(
        message,
        (value) => checkText(question, value) ?? (value.trim() ? fits(value.trim()) : undefined),
      )
      if (typeof answer === 'string') return answer.trim() === '' ? undefined : answer.trim()
      break
    case 'integer':
      answer = await prompter.text(
        message,
        (value) =>
          checkInteger(question, value) ?? (value.trim() ? fits(Number(value.trim())) : undefined),
      )
      if (typeof answer === 'string')
        return answer.trim() === '' ? undefined : Number(answer.trim())
      break
    case 'choice':
      answer = await prompter.select(message, options)
      break
    case 'multi-choice':
      answer = await prompter.multiselect(message, options, question.required)
      break
    case 'boolean':
      if (question.required) {
        answer = await prompter.confirm(message)
        break
      }
      answer = await prompter.select(message, YES_NO_NOT_SURE)
      if (answer === null) break
      return answer === NOT_SURE ? undefined : answer === 'yes'
  }
  if (answer === null) throw new UsageError('questionnaire cancelled; nothing was written')
  return answer
}

function checkText(question: QuestionDefinition, value: string): string | undefined {
  return question.required && value.trim() === '' ? 'An answer is required.' : undefined
}

function checkInteger(question: QuestionDefinition, value: string): string | undefined {
  const text = value.trim()
  if (text === '') return question.required ? 'An answer is required.' : undefined
  if (!/^\d+$/.test(text)) return 'Enter a whole number in digits, such as 12.'
  if (question.min !== null && Number(text) < question.min) return `Enter ${question.min} or more.`
  return undefined
}

function questionFor(
  questions: readonly QuestionDefinition[],
  field: string,
): QuestionDefinition | undefined {
  return questions.find(
    (question) =>
      field === question.field ||
      field.startsWith(`${question.field}.`) ||
      field.startsWith(`${question.field}[`),
  )
}

export function setPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): void {
  const [head, ...rest] = path
  if (head === undefined) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const child = target[head]
  const next = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {}
  target[head] = next
  setPath(next, rest, value)
}
