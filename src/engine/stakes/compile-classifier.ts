import type { Issue, Result } from '../result.js'
import type { AiActTier } from '../vocabulary.js'
import type {
  ChoiceFact,
  Cite,
  ClassifierDocument,
  DatedFact,
  FactName,
  ObligationDocument,
} from './classifier-schema.js'
import { err, ok } from '../result.js'
import {
  BOOLEAN_FACTS,
  CHOICE_FACTS,
  CHOICE_VALUES,
  POINT_PATTERN,
  classifierDocumentSchema,
} from './classifier-schema.js'
import { checkGraph } from './check-graph.js'
import { issuesFromZod } from '../../contract/issues-from-zod.js'

/** A branch of a question: taking it may cite a finding into the basis. */
export interface Edge {
  /** The answer's value; null for `otherwise` (the fact is unset or has another value). */
  readonly value: true | string | null
  readonly label: string
  readonly next: ClassifierNode
  readonly cite: Cite | null
}

export interface ClassifierQuestion {
  readonly kind: 'question'
  readonly id: string
  readonly reads: FactName
  readonly ref: string
  readonly summary: string
  readonly ask: string
  readonly help: string | null
  readonly insist: boolean
  readonly answers: readonly Edge[]
  readonly otherwise: Edge
  readonly byValue: ReadonlyMap<true | string, Edge>
}

export type Role = 'provider' | 'deployer' | 'unknown'

export interface ClassifierConclusion {
  readonly kind: 'conclusion'
  readonly id: string
  readonly ref: string
  readonly summary: string
  readonly tier: AiActTier | null
  readonly transparency: string | null
  readonly obligations: readonly ObligationDocument[]
  /** Obligations as printed, for the use case's role (`unknown` lists every role's). */
  readonly obligationLines: Readonly<Record<Role, readonly string[]>>
  readonly applies: readonly DatedFact[]
}

export type ClassifierNode = ClassifierQuestion | ClassifierConclusion

export interface Choice {
  readonly value: string
  readonly label: string
}

export interface Classifier {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly source: string
  readonly asOf: string
  readonly dates: readonly DatedFact[]
  readonly tier: ClassifierNode
  readonly transparency: readonly ClassifierNode[]
  /** Duties beside any tier: general-purpose AI models (Chapter V). */
  readonly models: readonly ClassifierNode[]
  readonly nodes: ReadonlyMap<string, ClassifierNode>
  /** Every value any question offers for a choice fact, in document order (for prompts). */
  readonly choices: ReadonlyMap<ChoiceFact, readonly Choice[]>
}

/** Validates a classifier document and links its tree; problems come back with their path. */
export function compileClassifier(doc: unknown): Result<Classifier, readonly Issue[]> {
  const parsed = classifierDocumentSchema.safeParse(doc)
  if (!parsed.success) {
    return err(issuesFromZod(parsed.error))
  }
  const document = parsed.data
  const issues = [...checkReferences(document), ...checkAnswers(document)]
  if (issues.length > 0) return err(issues)
  const graphIssues = checkGraph(document)
  if (graphIssues.length > 0) return err(graphIssues)
  return ok(link(document))
}

type Path = (string | number)[]

function checkReferences(doc: ClassifierDocument): Issue[] {
  const issues: Issue[] = []
  const nodeIds = new Map<string, Path>()
  const declare = (id: string, path: Path, ids: Map<string, Path>) => {
    const first = ids.get(id)
    if (first) {
      issues.push({
        code: 'duplicate_id',
        path,
        message: `the id "${id}" is already used at ${first.join('.')}`,
      })
    } else ids.set(id, path)
  }
  doc.questions.forEach((q, i) => declare(q.id, ['questions', i, 'id'], nodeIds))
  doc.conclusions.forEach((c, i) => declare(c.id, ['conclusions', i, 'id'], nodeIds))
  const obligationIds = new Map<string, Path>()
  doc.obligations.forEach((o, i) => declare(o.id, ['obligations', i, 'id'], obligationIds))
  const dateIds = new Map<string, Path>()
  doc.dates.forEach((d, i) => declare(d.id, ['dates', i, 'id'], dateIds))

  const expect = (id: string, ids: Map<string, Path>, kind: string, path: Path) => {
    if (!ids.has(id)) {
      issues.push({
        code: 'dangling_reference',
        path,
        message: `"${id}" is not the id of any ${kind}`,
      })
    }
  }
  expect(doc.tier, nodeIds, 'question or conclusion', ['tier'])
  doc.transparency.forEach((id, i) =>
    expect(id, nodeIds, 'question or conclusion', ['transparency', i]),
  )
  doc.models.forEach((id, i) => expect(id, nodeIds, 'question or conclusion', ['models', i]))
  doc.questions.forEach((q, i) => {
    q.answers.forEach((a, j) =>
      expect(a.next, nodeIds, 'question or conclusion', ['questions', i, 'answers', j, 'next']),
    )
    if (typeof q.otherwise === 'string') {
      expect(q.otherwise, nodeIds, 'question or conclusion', ['questions', i, 'otherwise'])
    } else if (q.otherwise) {
      expect(q.otherwise.next, nodeIds, 'question or conclusion', [
        'questions',
        i,
        'otherwise',
        'next',
      ])
    }
  })
  doc.conclusions.forEach((c, i) => {
    c.obligations.forEach((id, j) =>
      expect(id, obligationIds, 'obligation', ['conclusions', i, 'obligations', j]),
    )
    c.applies.forEach((id, j) =>
      expect(id, dateIds, 'dated fact', ['conclusions', i, 'applies', j]),
    )
  })
  return issues
}

function checkAnswers(doc: ClassifierDocument): Issue[] {
  const issues: Issue[] = []
  const booleans: readonly string[] = BOOLEAN_FACTS
  doc.questions.forEach((q, i) => {
    const seen = new Set<true | string>()
    q.answers.forEach((a, j) => {
      const path = ['questions', i, 'answers', j, 'value']
      const problem = booleans.includes(q.reads)
        ? booleanProblem(a.value)
        : choiceProblem(q.reads, a.value)
      if (problem)
        issues.push({ code: 'invalid_answer', path, message: `"${q.reads}": ${problem}` })
      if (seen.has(a.value)) {
        issues.push({
          code: 'duplicate_answer',
          path,
          message: `the answer ${String(a.value)} is listed twice`,
        })
      }
      seen.add(a.value)
    })
    if (q.otherwise === undefined) {
      issues.push({
        code: 'dead_end',
        path: ['questions', i, 'otherwise'],
        message: `question "${q.id}" has no "otherwise": a use case that gives none of its answers would end without a conclusion`,
      })
    }
  })
  return issues
}

function booleanProblem(value: true | string): string | null {
  return value === true
    ? null
    : `a yes/no fact takes the answer true (use "otherwise" for no), not "${value}"`
}

function choiceProblem(fact: FactName, value: true | string): string | null {
  if (value === true) return 'a choice fact takes one of its values, not true'
  if (fact === 'point') {
    return POINT_PATTERN.test(value)
      ? null
      : `"${value}" is not an Annex III point such as "5b" or an Art. 5 letter such as "5-1-h"`
  }
  const allowed = CHOICE_VALUES[fact as Exclude<ChoiceFact, 'point'>]
  return allowed.includes(value) ? null : `"${value}" is not one of ${allowed.join(', ')}`
}

function link(doc: ClassifierDocument): Classifier {
  const obligationsById = new Map(doc.obligations.map((o) => [o.id, o]))
  const datesById = new Map(doc.dates.map((d) => [d.id, d]))
  const nodes = new Map<string, ClassifierNode>()
  for (const c of doc.conclusions) {
    const obligations = c.obligations.flatMap((id) => obligationsById.get(id) ?? [])
    nodes.set(c.id, {
      kind: 'conclusion',
      id: c.id,
      ref: c.ref,
      summary: c.summary,
      tier: c.tier ?? null,
      transparency: c.transparency ?? null,
      obligations,
      obligationLines: {
        provider: obligationLines(obligations, 'provider'),
        deployer: obligationLines(obligations, 'deployer'),
        unknown: obligationLines(obligations, 'unknown'),
      },
      applies: c.applies.flatMap((id) => datesById.get(id) ?? []),
    })
  }
  // Questions are created first and their edges filled in afterwards, so edges can point anywhere.
  const pending: {
    node: { answers: Edge[]; otherwise: Edge | null; byValue: Map<true | string, Edge> }
    q: ClassifierDocument['questions'][number]
  }[] = []
  for (const q of doc.questions) {
    const node = {
      kind: 'question' as const,
      id: q.id,
      reads: q.reads,
      ref: q.ref,
      summary: q.summary,
      ask: q.ask,
      help: q.help ?? null,
      insist: q.insist,
      answers: [] as Edge[],
      otherwise: null as Edge | null,
      byValue: new Map<true | string, Edge>(),
    }
    nodes.set(q.id, node as unknown as ClassifierQuestion)
    pending.push({ node, q })
  }
  const at = (id: string): ClassifierNode => {
    const node = nodes.get(id)
    if (!node) throw new Error(`classifier node "${id}" vanished after validation`)
    return node
  }
  for (const { node, q } of pending) {
    for (const a of q.answers) {
      const edge: Edge = {
        value: a.value,
        label: a.label ?? String(a.value),
        next: at(a.next),
        cite: a.cite ?? null,
      }
      node.answers.push(edge)
      node.byValue.set(a.value, edge)
    }
    const otherwise = typeof q.otherwise === 'string' ? { next: q.otherwise } : q.otherwise
    if (!otherwise) throw new Error(`question "${q.id}" lost its otherwise after validation`)
    node.otherwise = {
      value: null,
      label: 'none of these',
      next: at(otherwise.next),
      cite: otherwise.cite ?? null,
    }
  }
  return {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    source: doc.source,
    asOf: doc.asOf,
    dates: doc.dates,
    tier: at(doc.tier),
    transparency: doc.transparency.map(at),
    models: doc.models.map(at),
    nodes,
    choices: choicesOf(doc),
  }
}

const ROLE_LABEL = { provider: 'provider', deployer: 'deployer', any: null } as const

function obligationLines(obligations: readonly ObligationDocument[], role: Role): string[] {
  const lines = obligations
    .filter((o) => role === 'unknown' || o.role === 'any' || o.role === role)
    .map((o) => {
      const who = ROLE_LABEL[o.role]
      return who ? `${o.ref} (${who}): ${o.summary}` : `${o.ref}: ${o.summary}`
    })
  return [...new Set(lines)]
}

function choicesOf(doc: ClassifierDocument): Map<ChoiceFact, Choice[]> {
  const choices = new Map<ChoiceFact, Choice[]>(CHOICE_FACTS.map((fact) => [fact, []]))
  for (const q of doc.questions) {
    const list = choices.get(q.reads as ChoiceFact)
    if (!list) continue
    for (const a of q.answers) {
      if (typeof a.value !== 'string') continue
      const label = a.label ?? a.value
      const seen = list.findIndex((c) => c.value === a.value)
      // The first labelled answer names the value; an unlabelled one only holds its place.
      if (seen < 0) list.push({ value: a.value, label })
      else if (list[seen]?.label === a.value) list[seen] = { value: a.value, label }
    }
  }
  return choices
}
