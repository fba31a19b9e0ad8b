import type { Classification } from '../types.js'
import type { AiActTier } from '../vocabulary.js'
import type { Cite, ClassifiedUseCase, FactName } from './classifier-schema.js'
import type {
  Classifier,
  ClassifierConclusion,
  ClassifierNode,
  ClassifierQuestion,
  Edge,
  Role,
} from './compile-classifier.js'

/** How a classification feeds the `failure-stakes` question (stakes.md: prohibited → blocking). */
export type UseCaseStakesLevel = 'normal' | 'elevated' | 'high' | 'prohibited'

const STAKES_BY_TIER = {
  minimal: 'normal',
  limited: 'elevated',
  high: 'high',
  prohibited: 'prohibited',
} as const satisfies Record<AiActTier, UseCaseStakesLevel>

/** Classifies one use case under the EU AI Act by walking the classifier's trees. */
export function classify(useCase: ClassifiedUseCase, classifier: Classifier): Classification {
  const role: Role = useCase.role ?? 'unknown'
  const basis: Cite[] = []
  const tierEnd = walk(classifier.tier, useCase, basis)
  // Validation guarantees every conclusion of the tier tree sets a tier.
  let tier: AiActTier = tierEnd.tier ?? 'minimal'
  basis.push(citeOf(tierEnd))
  let obligations = tierEnd.obligationLines[role]
  const transparency: string[] = []
  // A prohibited practice may not be used at all: duties that presuppose its use are moot.
  if (tier !== 'prohibited') {
    for (const entry of classifier.transparency) {
      const mark = basis.length
      const end = walk(entry, useCase, basis)
      if (end.transparency === null || transparency.includes(end.transparency)) {
        basis.length = mark
        continue
      }
      transparency.push(end.transparency)
      basis.push(citeOf(end))
      obligations = union(obligations, end.obligationLines[role])
    }
    if (tier === 'minimal' && transparency.length > 0) tier = 'limited'
  }
  return { tier, transparency, basis, obligations, asOf: classifier.asOf }
}

/**
 * The tier alone, as `classify` would give it, without collecting the basis and obligations: the
 * hot path of `recommend`, which needs only the stakes level.
 */
export function classifyTier(useCase: ClassifiedUseCase, classifier: Classifier): AiActTier {
  const tier = walkQuietly(classifier.tier, useCase).tier ?? 'minimal'
  if (tier !== 'minimal') return tier
  for (const entry of classifier.transparency) {
    if (walkQuietly(entry, useCase).transparency !== null) return 'limited'
  }
  return tier
}

/** The `failure-stakes` level of a tier: prohibited stays prohibited (a blocking finding). */
export function tierToStakes(tier: AiActTier): UseCaseStakesLevel {
  return STAKES_BY_TIER[tier]
}

/** The branch a question takes for a fact's value; unset or unlisted values take `otherwise`. */
export function edgeFor(question: ClassifierQuestion, value: unknown): Edge {
  if (value === true || typeof value === 'string')
    return question.byValue.get(value) ?? question.otherwise
  return question.otherwise
}

function walk(
  start: ClassifierNode,
  useCase: ClassifiedUseCase,
  cites: Cite[],
): ClassifierConclusion {
  let node = start
  while (node.kind === 'question') {
    const edge = edgeFor(node, readFact(useCase, node.reads))
    if (edge.cite) cites.push(edge.cite)
    node = edge.next
  }
  return node
}

function walkQuietly(start: ClassifierNode, useCase: ClassifiedUseCase): ClassifierConclusion {
  let node = start
  while (node.kind === 'question') node = edgeFor(node, readFact(useCase, node.reads)).next
  return node
}

function readFact(useCase: ClassifiedUseCase, fact: FactName): unknown {
  return (useCase as Readonly<Record<FactName, unknown>>)[fact]
}

function union(lines: readonly string[], more: readonly string[]): readonly string[] {
  const added = more.filter((line) => !lines.includes(line))
  return added.length === 0 ? lines : [...lines, ...added]
}

function citeOf(conclusion: ClassifierConclusion): Cite {
  return { ref: conclusion.ref, summary: conclusion.summary }
}
