import type {
  BooleanFact,
  ClassifiedUseCase,
  FactName,
} from '../../engine/stakes/classifier-schema.js'
import type { Classifier, ClassifierQuestion } from '../../engine/stakes/compile-classifier.js'
import type { Prompter } from '../prompter.js'
import { CHOICE_FACTS } from '../../engine/stakes/classifier-schema.js'
import { edgeFor } from '../../engine/stakes/classify.js'
import { UsageError } from '../../errors/usage-error.js'

const NONE = ''
const ROLE_OPTIONS = [
  { value: 'provider', label: 'provider (develops it or has it developed, under its own name)' },
  { value: 'deployer', label: 'deployer (uses it under its own authority)' },
  { value: NONE, label: 'both, or not sure' },
] as const

/**
 * Builds one use case record by walking the classifier's trees in the terminal: each question is
 * asked once, with its source (article and summary), and only when the path reaches it.
 */
export async function askUseCase(
  classifier: Classifier,
  prompter: Prompter,
): Promise<ClassifiedUseCase> {
  const name = answered(
    await prompter.text('What is the AI use case called?', (value) =>
      value.trim() === '' ? 'Enter a name.' : undefined,
    ),
  ).trim()
  const role = answered(
    await prompter.select('Are you its provider or its deployer?', ROLE_OPTIONS),
  )
  const facts = new Map<FactName, string | boolean | undefined>()
  const trees = [classifier.tier, ...classifier.transparency, ...classifier.models]
  for (const [index, entry] of trees.entries()) {
    let node = entry
    while (node.kind === 'question') {
      if (!facts.has(node.reads) || mustAskAgain(node, facts.get(node.reads)))
        facts.set(node.reads, await ask(node, classifier, prompter))
      node = edgeFor(node, facts.get(node.reads)).next
    }
    // A prohibited practice carries no transparency duties: its trees need no answers.
    if (index === 0 && node.tier === 'prohibited') break
  }
  const record: Record<string, unknown> = { name }
  if (role !== NONE) record.role = role
  for (const [fact, value] of facts)
    if (value !== undefined && value !== false) record[fact] = value
  return record as ClassifiedUseCase
}

/** An insisting question is asked again while the fact has none of its answers (stakes.md 2026-12). */
function mustAskAgain(question: ClassifierQuestion, known: unknown): boolean {
  return question.insist && !question.answers.some((answer) => answer.value === known)
}

async function ask(
  question: ClassifierQuestion,
  classifier: Classifier,
  prompter: Prompter,
): Promise<string | boolean | undefined> {
  const help = question.help === null ? '' : `\n${question.help}`
  const message = `${question.ask}${help}\nSource: ${question.ref}: ${question.summary}`
  // A bare Enter claims nothing about the use case: "no" is the default.
  if (!isChoice(question.reads)) return answered(await prompter.confirm(message, false))
  // A choice fact is asked once with every value the classifier knows, not only this question's;
  // an insisting question offers only its own answers. "Not sure" comes first so that a hurried
  // Enter claims nothing about the use case.
  const own = question.answers.flatMap((answer) =>
    typeof answer.value === 'string' ? [{ value: answer.value, label: answer.label }] : [],
  )
  const options = [
    { value: NONE, label: question.insist ? 'not sure' : 'none of these, or not sure' },
    ...(question.insist
      ? own
      : (classifier.choices.get(question.reads) ?? []).filter((c) => c.value !== 'none')),
  ]
  const value = answered(await prompter.select(message, options))
  return value === NONE ? undefined : value
}

function isChoice(fact: FactName): fact is Exclude<FactName, BooleanFact> {
  return (CHOICE_FACTS as readonly string[]).includes(fact)
}

function answered<T>(value: T | null): T {
  if (value === null) throw new UsageError('classification cancelled; nothing was written')
  return value
}
