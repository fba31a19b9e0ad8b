import type { Issue } from './result.js'
import { growthSortKey } from './profile-schema.js'

/**
 * The checks that compare fields, run on a profile being written (any shape, fields missing), so a
 * form or a prompt can say at once that 60 engineers do not fit 45 employees. The profile schema runs
 * the same checks on a whole profile; this one does not wait for the rest to be valid.
 */
export function crossFieldProblems(draft: unknown): Issue[] {
  const doc = record(draft)
  const issues: Issue[] = []
  const employees = doc.employees
  const engineers = doc.engineers
  if (isCount(employees) && isCount(engineers) && engineers > employees) {
    issues.push({
      code: 'custom',
      path: ['engineers'],
      message: `engineers (${engineers}) must not exceed employees (${employees})`,
    })
  }
  const growth = Array.isArray(doc.growth) ? doc.growth : []
  let previous = ''
  let people = isCount(employees) ? employees : null
  growth.forEach((raw, index) => {
    const step = record(raw)
    if (typeof step.at === 'string' && step.at !== '') {
      const key = growthSortKey(step.at)
      if (key <= previous) {
        issues.push({
          code: 'custom',
          path: ['growth', index, 'at'],
          message: `growth dates must be ascending; "${step.at}" does not come after the previous step`,
        })
      }
      previous = key
    }
    if (isCount(step.employees)) people = step.employees
    if (isCount(step.engineers) && people !== null && step.engineers > people) {
      issues.push({
        code: 'custom',
        path: ['growth', index, 'engineers'],
        message: `engineers (${step.engineers}) must not exceed employees (${people}) at that step`,
      })
    }
  })
  return issues
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
