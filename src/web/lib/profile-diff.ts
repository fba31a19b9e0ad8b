import type { Assessment } from '../../engine/types.js'
import { formatPath } from '../../engine/validate-profile.js'

// What changed between two assessments of one organization: the history page's side-by-side view.

export interface FieldChange {
  readonly path: string
  readonly before: string | null
  readonly after: string | null
}

export interface AssessmentComparison {
  readonly profile: readonly FieldChange[]
  readonly structure: { readonly before: string; readonly after: string; readonly changed: boolean }
  readonly antiPatterns: {
    readonly added: readonly string[]
    readonly removed: readonly string[]
    readonly kept: readonly string[]
  }
}

/** Every leaf that differs between two documents, by path, in the order the paths first appear. */
export function diffProfiles(before: unknown, after: unknown): readonly FieldChange[] {
  const left = flatten(before)
  const right = flatten(after)
  const paths = [...new Set([...left.keys(), ...right.keys()])]
  return paths
    .filter((path) => left.get(path) !== right.get(path))
    .map((path) => ({ path, before: left.get(path) ?? null, after: right.get(path) ?? null }))
}

/** Compares an older and a newer assessment: profile, recommended structure and anti-patterns. */
export function compareAssessments(before: Assessment, after: Assessment): AssessmentComparison {
  const was = before.antiPatterns.map((finding) => finding.id)
  const is = after.antiPatterns.map((finding) => finding.id)
  return {
    profile: diffProfiles(before.profile, after.profile),
    structure: {
      before: before.recommendation.structure,
      after: after.recommendation.structure,
      changed: before.recommendation.structure !== after.recommendation.structure,
    },
    antiPatterns: {
      added: is.filter((id) => !was.includes(id)),
      removed: was.filter((id) => !is.includes(id)),
      kept: is.filter((id) => was.includes(id)),
    },
  }
}

function flatten(value: unknown): Map<string, string> {
  const out = new Map<string, string>()
  walk(value, [], out)
  return out
}

function walk(value: unknown, path: (string | number)[], out: Map<string, string>): void {
  if (Array.isArray(value)) {
    // An empty list is a value of its own, so "functions: [] → [sales]" shows up.
    if (value.length === 0 && path.length > 0) out.set(formatPath(path), '(none)')
    value.forEach((item, index) => walk(item, [...path, index], out))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key], out)
  } else if (isScalar(value) && path.length > 0) {
    out.set(formatPath(path), String(value))
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
