import type { Facts } from './facts.js'
import type { Predicate } from './compile-condition.js'
import type { PlaybookDoc } from './playbook-schema.js'
import { compileCondition } from './compile-condition.js'

/** A passage of the article, with the condition under which its words are true of an organization. */
export interface CompiledPassage {
  readonly text: string
  readonly test: Predicate
}

const ALWAYS: Predicate = () => true

/** Each passage of a playbook document with its condition compiled. */
export function compilePassages(doc: PlaybookDoc): Record<string, CompiledPassage> {
  const out: Record<string, CompiledPassage> = {}
  for (const [id, passage] of Object.entries(doc.passages)) {
    out[id] =
      typeof passage === 'string'
        ? { text: passage, test: ALWAYS }
        : { text: passage.text, test: compileCondition(passage.when) }
  }
  return out
}

/**
 * The text of each cited passage whose condition holds of the facts, in citing order, each once: a
 * passage already inside one quoted before it is not quoted again.
 */
export function quotePassages(
  ids: readonly string[],
  passages: Readonly<Record<string, CompiledPassage>>,
  facts: Facts,
): string[] {
  const quoted: string[] = []
  for (const id of ids) {
    const passage = passages[id]
    if (!passage || !passage.test(facts)) continue
    if (!quoted.some((q) => q.includes(passage.text))) quoted.push(passage.text)
  }
  return quoted
}

/** The text of a passage whatever its condition: for texts that are not about one organization. */
export function passageText(doc: PlaybookDoc, id: string): string | undefined {
  const passage = doc.passages[id]
  return typeof passage === 'string' ? passage : passage?.text
}
