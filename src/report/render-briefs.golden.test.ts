import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Profile } from '../engine/profile-schema.js'
import { assess } from '../engine/assess.js'
import { buildBriefs } from '../engine/hiring/build-briefs.js'
import { anExample, repoPath, thePlaybook } from '../../test/engine-builders.js'
import { renderBriefs } from './render-briefs.js'

// Golden files: the Markdown seat briefs for a search brief of each seat title, a development brief
// and seats kept as they are. Regenerate with `UPDATE_GOLDEN=1 npx vitest run src/report` and review.

const UPDATE = process.env.UPDATE_GOLDEN === '1'

const withoutToday = (profile: Profile): Profile => ({ ...profile, current: undefined })

const cases: readonly (readonly [golden: string, profile: () => Profile, kinds: string])[] = [
  // Separate full-time CTO and CAIO, both to find: a CTO and a CAIO search brief.
  [
    'brief-fintech-200-open.md',
    () => withoutToday(anExample('fintech-200.yaml')),
    'CTO search, CAIO search',
  ],
  // The same seats kept by today's holders.
  ['brief-fintech-200.md', () => anExample('fintech-200.yaml'), 'CTO kept, CAIO kept'],
  // A unified fractional CTO/CAIO to find.
  ['brief-startup-seed.md', () => withoutToday(anExample('startup-seed.yaml')), 'CTO/CAIO search'],
  // §4a: the CTO stays with the gap ai-fluency (development brief); a new fractional CAIO.
  [
    'brief-fit-keep-the-cto.md',
    () => anExample('fit/keep-the-cto.yaml'),
    'CTO development, CAIO search',
  ],
]

describe('seat briefs (golden)', () => {
  it.each(cases)('renders %s', (golden, profile, kinds) => {
    const playbook = thePlaybook()
    const doc = buildBriefs(assess(profile(), playbook), playbook)
    expect(doc?.briefs.map((b) => `${b.title} ${b.kind}`).join(', ')).toBe(kinds)
    const markdown = renderBriefs(doc!, 'md')
    const path = repoPath(`test/golden/${golden}`)
    if (UPDATE || !existsSync(path)) writeFileSync(path, markdown)
    expect(markdown).toBe(readFileSync(path, 'utf8'))
  })

  it('quotes every must-have verbatim from its passage', () => {
    const playbook = thePlaybook()
    const doc = buildBriefs(assess(anExample('fintech-200.yaml'), playbook), playbook)
    for (const brief of doc!.briefs) {
      for (const quote of [brief.lens, ...brief.mustHaves])
        expect(quote.passage).toContain(quote.quote)
    }
  })
})
