import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { findForbiddenKey, forbiddenKeyIssue } from './forbidden-keys.js'
import { apiIssueFromProblem, formatPath, problemFromIssue } from './issue.js'
import { issuesFromZod } from './issues-from-zod.js'

const schema = z.strictObject({
  name: z.string().min(1),
  ai: z.strictObject({ useCases: z.array(z.strictObject({ area: z.number() })) }),
})

describe('the problem mapping', () => {
  it('keeps code and path from a zod issue through a problem to the API issue', () => {
    const parsed = schema.safeParse({ name: '', ai: { useCases: [{ area: 'x' }] }, extra: 1 })
    const issues = parsed.success ? [] : issuesFromZod(parsed.error)
    expect(
      issues.map((issue) => apiIssueFromProblem(problemFromIssue(issue, { at: ['profile'] }))),
    ).toEqual([
      { code: 'too_small', path: 'profile.name', message: expect.any(String) as string },
      {
        code: 'invalid_type',
        path: 'profile.ai.useCases[0].area',
        message: 'Invalid input: expected number, received string',
      },
      { code: 'unknown_field', path: 'profile.extra', message: 'unknown field "extra"' },
    ])
    expect(issues.map((issue) => issue.expected)).toEqual(['string', 'number', undefined])
  })

  it('places a problem of an uploaded row by row and field', () => {
    expect(apiIssueFromProblem({ row: 3, field: 'name', message: 'is empty' })).toEqual({
      code: 'invalid_value',
      path: 'row 3 name',
      message: 'is empty',
    })
  })

  it('formats paths with dots and indexes', () => {
    expect(formatPath(['ai', 'useCases', 2, 'area'])).toBe('ai.useCases[2].area')
  })
})

describe('findForbiddenKey', () => {
  it.each([
    [{ a: [{ b: 1 }, { constructor: 1 }] }, ['a', 1, 'constructor']],
    [JSON.parse('{"x":{"__proto__":{}}}') as unknown, ['x', '__proto__']],
    [{ prototype: 1 }, ['prototype']],
    [{ safe: { nested: [1, 'two'] } }, null],
  ])('finds the path of the first forbidden key in %j', (value, path) => {
    expect(findForbiddenKey(value)).toEqual(path)
  })

  it('turns the path into an issue with the forbidden_key code', () => {
    expect(forbiddenKeyIssue(['a', '__proto__'])).toEqual({
      code: 'forbidden_key',
      path: ['a', '__proto__'],
      message: 'the key "__proto__" is not allowed',
    })
  })
})
