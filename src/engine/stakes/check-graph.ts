import type { Issue } from '../result.js'
import type { ClassifierDocument } from './classifier-schema.js'

type Path = (string | number)[]

interface Step {
  readonly to: string
  readonly path: Path
}

/**
 * Checks the shape of a classifier whose references all resolve: no cycles, every conclusion
 * reached from the tier tree sets a tier, none reached from a transparency tree does, and every
 * node is reachable. Each issue carries the path inside the document.
 */
export function checkGraph(doc: ClassifierDocument): Issue[] {
  const steps = new Map<string, Step[]>()
  doc.questions.forEach((q, i) => {
    const out: Step[] = q.answers.map((a, j) => ({
      to: a.next,
      path: ['questions', i, 'answers', j, 'next'],
    }))
    if (typeof q.otherwise === 'string')
      out.push({ to: q.otherwise, path: ['questions', i, 'otherwise'] })
    else if (q.otherwise)
      out.push({ to: q.otherwise.next, path: ['questions', i, 'otherwise', 'next'] })
    steps.set(q.id, out)
  })
  const cycles = findCycles(doc, steps)
  if (cycles.length > 0) return cycles
  return [...checkTiers(doc, steps), ...checkReachable(doc, steps)]
}

function findCycles(doc: ClassifierDocument, steps: ReadonlyMap<string, readonly Step[]>): Issue[] {
  const issues: Issue[] = []
  const state = new Map<string, 'open' | 'done'>()
  const trail: string[] = []
  const visit = (id: string): void => {
    state.set(id, 'open')
    trail.push(id)
    for (const step of steps.get(id) ?? []) {
      const seen = state.get(step.to)
      if (seen === 'open') {
        const loop = [...trail.slice(trail.indexOf(step.to)), step.to].join(' → ')
        issues.push({
          code: 'cycle',
          path: step.path,
          message: `this branch closes a cycle: ${loop}`,
        })
      } else if (seen === undefined) visit(step.to)
    }
    trail.pop()
    state.set(id, 'done')
  }
  for (const q of doc.questions) if (!state.has(q.id)) visit(q.id)
  return issues
}

function checkTiers(doc: ClassifierDocument, steps: ReadonlyMap<string, readonly Step[]>): Issue[] {
  const issues: Issue[] = []
  const index = new Map(doc.conclusions.map((c, i) => [c.id, i]))
  for (const id of reachable([doc.tier], steps)) {
    const i = index.get(id)
    const c = i === undefined ? undefined : doc.conclusions[i]
    if (c && i !== undefined && !c.tier) {
      issues.push({
        code: 'missing_tier',
        path: ['conclusions', i, 'tier'],
        message: `conclusion "${c.id}" ends a path of the tier tree but sets no tier`,
      })
    }
  }
  for (const id of reachable([...doc.transparency, ...doc.models], steps)) {
    const i = index.get(id)
    const c = i === undefined ? undefined : doc.conclusions[i]
    if (c && i !== undefined && c.tier) {
      issues.push({
        code: 'unexpected_tier',
        path: ['conclusions', i, 'tier'],
        message: `conclusion "${c.id}" ends a path of a transparency or model tree, which sets duties, not a tier`,
      })
    }
  }
  return issues
}

function checkReachable(
  doc: ClassifierDocument,
  steps: ReadonlyMap<string, readonly Step[]>,
): Issue[] {
  const seen = reachable([doc.tier, ...doc.transparency, ...doc.models], steps)
  const unreachable = (id: string, path: Path): Issue[] =>
    seen.has(id)
      ? []
      : [
          {
            code: 'unreachable',
            path,
            message: `"${id}" cannot be reached from "tier", "transparency" or "models"`,
          },
        ]
  return [
    ...doc.questions.flatMap((q, i) => unreachable(q.id, ['questions', i, 'id'])),
    ...doc.conclusions.flatMap((c, i) => unreachable(c.id, ['conclusions', i, 'id'])),
  ]
}

function reachable(
  starts: readonly string[],
  steps: ReadonlyMap<string, readonly Step[]>,
): Set<string> {
  const seen = new Set<string>()
  const stack = [...starts]
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    for (const step of steps.get(id) ?? []) stack.push(step.to)
  }
  return seen
}
