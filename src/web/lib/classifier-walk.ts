import type { ClassifierQuestions, WalkQuestion } from '../../engine/stakes/classifier-questions.js'

/**
 * The classifier's questions a use case meets, in order, given the facts it has so far: each tree
 * is walked as the server walks it (an unanswered fact takes `otherwise`), each fact is asked once,
 * except a question that insists (the Annex III 5 point) while the fact has none of its answers.
 * After a prohibited practice no duty tree is walked, as in the classification.
 */
export function questionsOnPath(
  tree: ClassifierQuestions,
  facts: Readonly<Record<string, unknown>>,
): readonly WalkQuestion[] {
  const byId = new Map(tree.questions.map((question) => [question.id, question]))
  const asked: WalkQuestion[] = []
  const readFacts = new Set<string>()
  const roots = [tree.tier, ...tree.transparency, ...tree.models]
  for (const [index, root] of roots.entries()) {
    let id = root
    for (let question = byId.get(id); question; question = byId.get(id)) {
      const value = facts[question.reads]
      const insists = question.insist && !question.answers.some((answer) => answer.value === value)
      if (!readFacts.has(question.reads) || insists) {
        asked.push(question)
        readFacts.add(question.reads)
      }
      id = question.answers.find((answer) => answer.value === value)?.next ?? question.otherwise
    }
    if (index === 0 && tree.prohibited.includes(id)) break
  }
  return asked
}
