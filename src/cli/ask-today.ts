import type { Classifier } from '../engine/stakes/compile-classifier.js'
import type { TodaySection } from '../engine/today-schema.js'
import type { Prompter, PromptOption } from './prompter.js'
import { crossFieldProblems } from '../engine/cross-field-problems.js'
import { GROWTH_AT } from '../engine/profile-schema.js'
import { todayQuestionApplies } from '../engine/today-schema.js'
import { formatPath } from '../engine/validate-profile.js'
import { UsageError } from '../errors/usage-error.js'
import { askQuestion, setPath } from './ask-profile.js'
import { askUseCase } from './commands/classify-interactive.js'

// More leaders than this is not a leadership structure the framework knows; the prompt stops offering.
const MAX_LEADERS = 4
const NONE = ''

/**
 * Asks about today (the playbook's `today:` block): the leaders, one at a time, or "we have no
 * technology leader today"; how AI work goes; the AI use cases through the classifier's questions;
 * and an optional growth plan. Returns the document with `current`, `ai.useCases` and `growth` set.
 */
export async function askToday(
  today: TodaySection,
  classifier: Classifier | null,
  prompter: Prompter,
  document: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const doc = structuredClone(document)
  const seats = await askLeaders(today, prompter)
  const current: Record<string, unknown> = { seats }
  const titles = seats.map((seat) => String(seat.title))
  for (const question of today.questions) {
    if (!todayQuestionApplies(question.when, titles)) continue
    const value = await askQuestion(question, prompter)
    if (value !== undefined) setPath(doc, question.field.split('.'), value)
  }
  // The `current.` questions were set on the document; the seats go in beside them.
  const written = typeof doc.current === 'object' && doc.current !== null ? doc.current : {}
  doc.current = { ...current, ...written }
  if (classifier) {
    const useCases = await askUseCases(classifier, prompter)
    if (useCases.length > 0) setPath(doc, ['ai', 'useCases'], useCases)
  }
  const growth = await askGrowth(today, prompter, doc)
  if (growth.length > 0) doc.growth = growth
  return doc
}

async function askLeaders(
  today: TodaySection,
  prompter: Prompter,
): Promise<Record<string, unknown>[]> {
  const [titleQuestion, ...rest] = today.seat
  if (!titleQuestion) return []
  const titles: PromptOption<string>[] = titleQuestion.options.map((option) =>
    option.hint === undefined
      ? { value: String(option.value), label: option.label }
      : { value: String(option.value), label: option.label, hint: option.hint },
  )
  const seats: Record<string, unknown>[] = []
  while (seats.length < MAX_LEADERS) {
    const first = seats.length === 0
    const message = first
      ? `${today.leaders.prompt}\n${today.leaders.help}\n${titleQuestion.prompt}`
      : today.leaders.another
    // After the first leader, "no" comes first so that a hurried Enter adds no one.
    const options = first
      ? [...titles, { value: NONE, label: today.leaders.none }]
      : [{ value: NONE, label: 'No, that is everyone' }, ...titles]
    const title = answered(await prompter.select(message, options))
    if (title === NONE) break
    const seat: Record<string, unknown> = { title }
    for (const question of rest) {
      const value = await askQuestion(question, prompter)
      if (value !== undefined) seat[question.field] = value
    }
    seats.push(seat)
  }
  return seats
}

async function askUseCases(
  classifier: Classifier,
  prompter: Prompter,
): Promise<Record<string, unknown>[]> {
  const useCases: Record<string, unknown>[] = []
  for (;;) {
    const more = answered(
      await prompter.confirm(
        useCases.length === 0
          ? 'Do you run or plan AI use cases? Each is classified under the EU AI Act as you describe it.'
          : 'Another AI use case?',
        false,
      ),
    )
    if (!more) return useCases
    useCases.push({ ...(await askUseCase(classifier, prompter)) })
  }
}

async function askGrowth(
  today: TodaySection,
  prompter: Prompter,
  doc: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const steps: Record<string, unknown>[] = []
  let message = `${today.growth.prompt}\n${today.growth.help}`
  for (;;) {
    const more = answered(await prompter.confirm(message, false))
    if (!more) return steps
    const step: Record<string, unknown> = {}
    for (const question of today.growth.step) {
      const path = `growth[${steps.length}].${question.field}`
      const value = await askQuestion(question, prompter, (candidate) => {
        if (question.field === 'at' && !GROWTH_AT.test(String(candidate)))
          return 'Enter a date as YYYY-MM or YYYY-Qn, such as 2027-Q2.'
        const growth = [...steps, { ...step, [question.field]: candidate }]
        return crossFieldProblems({ ...doc, growth }).find((i) => formatPath(i.path) === path)
          ?.message
      })
      if (value !== undefined) step[question.field] = value
    }
    steps.push(step)
    message = today.growth.another
  }
}

function answered<T>(value: T | null): T {
  if (value === null) throw new UsageError('questionnaire cancelled; nothing was written')
  return value
}
