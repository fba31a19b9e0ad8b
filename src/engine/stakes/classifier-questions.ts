import type { FactName } from './classifier-schema.js'
import type { Classifier } from './compile-classifier.js'

/** One question of the classifier as a client walks it: its branches name the next node by id. */
export interface WalkQuestion {
  readonly id: string
  readonly reads: FactName
  readonly ref: string
  readonly summary: string
  readonly ask: string
  readonly help: string | null
  readonly insist: boolean
  readonly answers: readonly {
    readonly value: true | string
    readonly label: string
    readonly next: string
  }[]
  readonly otherwise: string
}

/** The classifier's questions without its conclusions' texts: what a form needs to ask them in order. */
export interface ClassifierQuestions {
  readonly asOf: string
  /** Roots of the tier tree, the transparency trees and the model trees, in walking order. */
  readonly tier: string
  readonly transparency: readonly string[]
  readonly models: readonly string[]
  readonly questions: readonly WalkQuestion[]
  /** Conclusions of the tier tree that prohibit the practice: no duty tree is walked after them. */
  readonly prohibited: readonly string[]
  /** Every value a choice fact can take, labelled, in document order. */
  readonly choices: Readonly<Record<string, readonly { value: string; label: string }[]>>
}

/** The classifier's questions for a client that walks them (the web wizard), from the compiled tree. */
export function classifierQuestions(classifier: Classifier): ClassifierQuestions {
  const questions: WalkQuestion[] = []
  const prohibited: string[] = []
  for (const node of classifier.nodes.values()) {
    if (node.kind === 'conclusion') {
      if (node.tier === 'prohibited') prohibited.push(node.id)
      continue
    }
    questions.push({
      id: node.id,
      reads: node.reads,
      ref: node.ref,
      summary: node.summary,
      ask: node.ask,
      help: node.help,
      insist: node.insist,
      answers: node.answers.flatMap((edge) =>
        edge.value === null ? [] : [{ value: edge.value, label: edge.label, next: edge.next.id }],
      ),
      otherwise: node.otherwise.next.id,
    })
  }
  return {
    asOf: classifier.asOf,
    tier: classifier.tier.id,
    transparency: classifier.transparency.map((node) => node.id),
    models: classifier.models.map((node) => node.id),
    questions,
    prohibited,
    choices: Object.fromEntries(classifier.choices),
  }
}
