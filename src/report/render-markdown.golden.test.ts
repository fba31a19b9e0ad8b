import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../engine/types.js'
import { assess } from '../engine/assess.js'
import { aProfile, anExample, repoPath, thePlaybook } from '../../test/engine-builders.js'
import { fintechAssessment } from '../../test/fixtures/assessment-fintech.js'
import { startupAssessment } from '../../test/fixtures/assessment-startup.js'
import { renderMarkdown } from './render-markdown.js'

// Golden files: the Markdown report of every example in examples/, byte for byte, plus the two
// hand-written fixtures, and the engine's blocking finding for a profile with a hostile name.
// Regenerate with `UPDATE_GOLDEN=1 npx vitest run src/report` and review the diff.

const UPDATE = process.env.UPDATE_GOLDEN === '1'
// Profiles only: examples/ also holds an operations file (tandem/operations@1).
const examples = readdirSync(repoPath('examples'))
  .filter((file) => file.endsWith('.yaml'))
  .filter(
    (file) => !readFileSync(repoPath(`examples/${file}`), 'utf8').includes('tandem/operations@1'),
  )
  .sort()
// The canonical cases of fitting the people in the seats (framework.md §4a), golden as `fit-<case>.md`.
const fitCases = readdirSync(repoPath('examples/fit'))
  .filter((file) => file.endsWith('.yaml'))
  .sort()

const cases: readonly (readonly [golden: string, build: () => Assessment])[] = [
  ...examples.map(
    (file) =>
      [file.replace(/\.yaml$/, '.md'), () => assess(anExample(file), thePlaybook())] as const,
  ),
  ...fitCases.map(
    (file) =>
      [
        `fit-${file.replace(/\.yaml$/, '.md')}`,
        () => assess(anExample(`fit/${file}`), thePlaybook()),
      ] as const,
  ),
  ['engine-prohibited-hostile-name.md', () => assess(prohibitedProfile(), thePlaybook())],
  ['fixture-fintech.md', () => fintechAssessment],
  ['fixture-startup.md', () => startupAssessment],
]

/** The engine's own blocking finding, for an organization whose name is full of Markdown syntax. */
function prohibitedProfile() {
  return aProfile({
    name: '# Acme | *Labs* <b>[x](javascript:alert(1))</b>',
    ai: {
      centrality: 'important',
      functions: ['marketing'],
      useCases: [{ name: 'Citizen | trust *score*', socialScoring: true }],
    },
  })
}

describe('renderMarkdown golden files', () => {
  it('covers every example in examples/', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
  })

  it.each(cases)('test/golden/%s matches the rendered report', (golden, build) => {
    const path = repoPath(`test/golden/${golden}`)
    const actual = renderMarkdown(build())
    if (UPDATE) writeFileSync(path, actual)
    if (!existsSync(path)) {
      throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run src/report`)
    }
    expect(actual).toBe(readFileSync(path, 'utf8'))
  })
})
