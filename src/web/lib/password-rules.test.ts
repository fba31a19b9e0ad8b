import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-rules.js'

describe('passwordProblem', () => {
  it.each([
    ['', 'Choose a password.'],
    ['        ', 'Use characters you can see, not only spaces.'],
    ['short', 'At least 8 characters (now 5).'],
    ['x'.repeat(129), 'At most 128 characters (now 129).'],
    ['aaaaaaaaaa', 'Not one character repeated: try a few words.'],
    ['correct horse battery', null],
  ])('%j → %j', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem)
  })
})
