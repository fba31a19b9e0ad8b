import type { Classification, Milestone } from '../types.js'
import type { AiActTier } from '../vocabulary.js'
import type { Cite, ClassifiedUseCase, DatedFact, FactName } from './classifier-schema.js'
import type {
  Classifier,
  ClassifierConclusion,
  ClassifierNode,
  ClassifierQuestion,
  Edge,
  Role,
} from './compile-classifier.js'
import { compareText } from '../compare-text.js'

/** How a classification feeds the `failure-stakes` question (stakes.md: prohibited → blocking). */
export type UseCaseStakesLevel = 'normal' | 'elevated' | 'high' | 'prohibited'

const STAKES_BY_TIER = {
  minimal: 'normal',
  limited: 'elevated',
  high: 'high',
  prohibited: 'prohibited',
} as const satisfies Record<AiActTier, UseCaseStakesLevel>

/**
 * Classifies one use case under the EU AI Act by walking the classifier's trees. `asOf` is the date
 * the classification speaks for (the classifier's own when not given): `to-confirm` dates already
 * past it that the tree does not encode come back as warnings.
 */
export function classify(
  useCase: ClassifiedUseCase,
  classifier: Classifier,
  asOf: string = classifier.asOf,
): Classification {
  const role: Role = useCase.role ?? 'unknown'
  const basis: Cite[] = []
  const tierEnd = walk(classifier.tier, useCase, basis)
  // Validation guarantees every conclusion of the tier tree sets a tier.
  let tier: AiActTier = tierEnd.tier ?? 'minimal'
  basis.push(citeOf(tierEnd))
  let obligations = tierEnd.obligationLines[role]
  const dated: DatedFact[] = [...tierEnd.applies]
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
      dated.push(...end.applies)
    }
    if (tier === 'minimal' && transparency.length > 0) tier = 'limited'
  }
  // A general-purpose AI model's duties (Chapter V) fall on its provider whatever the tier.
  for (const entry of classifier.models) {
    const mark = basis.length
    const end = walk(entry, useCase, basis)
    if (end.obligations.length === 0) {
      basis.length = mark
      continue
    }
    basis.push(citeOf(end))
    obligations = union(obligations, end.obligationLines[role])
    dated.push(...end.applies)
  }
  return {
    tier,
    transparency,
    basis,
    obligations,
    milestones: milestonesOf(dated),
    warnings: warningsAt(classifier.dates, asOf),
    asOf,
  }
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

function milestonesOf(dated: readonly DatedFact[]): Milestone[] {
  const byId = new Map<string, Milestone>()
  for (const fact of dated) {
    if (byId.has(fact.id)) continue
    const { id, date, ref, summary, source, status } = fact
    byId.set(id, { id, date, ref, summary, source, status })
  }
  return [...byId.values()].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id))
}

/**
 * One warning per date on or before `asOf` that carries `to-confirm` changes the tree does not
 * encode: the reader must not take the classification as reflecting them.
 */
export function warningsAt(dates: readonly DatedFact[], asOf: string): string[] {
  const byDate = new Map<string, DatedFact[]>()
  for (const fact of dates) {
    if (fact.status !== 'to-confirm' || fact.encoded || fact.date > asOf) continue
    byDate.set(fact.date, [...(byDate.get(fact.date) ?? []), fact])
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([date, facts]) => {
      const changes = facts.map((fact) => `${stripStop(fact.summary)} (${fact.ref})`).join('; ')
      return `As of ${asOf}, changes dated ${date} are still to confirm and are not applied here: ${changes}. Have counsel check them.`
    })
}

function stripStop(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text
}
