import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput, aProfileInputWithSeats } from '../../test/engine-arbitraries.js'
import { anExample, thePlaybook } from '../../test/engine-builders.js'
import type { Facts } from './facts.js'
import type { Assessment } from './types.js'
import { assess } from './assess.js'
import { deriveFacts } from './derive-facts.js'
import { everyFacts, factsIndex } from './decision-table.js'
import { signalsOf } from './signals-of.js'
import { validateProfile } from './validate-profile.js'

// framework.md §9 and §10 invariant 7: every `source` is the article's own words, a passage of the
// playbook or a contiguous part of one (the playbook's passages are checked against the article when
// they are written), and only a passage whose condition holds of the organization is quoted.

const normalize = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]|--/g, '-')
    .replace(/\s+/g, ' ')
    .trim()

function sourcesOf(a: Assessment): string[] {
  return [
    ...a.questions.map((q) => q.source),
    ...a.recommendation.source,
    ...a.antiPatterns.map((p) => p.source),
    ...a.findings.map((f) => f.source),
  ]
}

function factsOf(a: Assessment): Facts {
  const signals = signalsOf(a.profile, a.stakes.level)
  return deriveFacts(signals, thePlaybook())
}

/** Each source is part of a passage whose condition holds of the facts. */
function expectFaithful(a: Assessment): void {
  const passages = Object.values(thePlaybook().passages)
  const facts = factsOf(a)
  for (const source of sourcesOf(a)) {
    const quoted = normalize(source)
    expect(quoted.length).toBeGreaterThan(0)
    const from = passages.filter((p) => normalize(p.text).includes(quoted))
    expect(from.length, `"${source}" is not a passage of the playbook`).toBeGreaterThan(0)
    expect(
      from.some((p) => p.test(facts)),
      `"${source}" is quoted where its condition does not hold`,
    ).toBe(true)
  }
  for (const f of a.findings) if (f.note) expect(f.source).not.toContain(f.note)
}

const valid = (input: unknown) => {
  const r = validateProfile(input)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}

describe('faithful quotation', () => {
  const examples = [
    ...readdirSync('examples').filter(
      (f) =>
        f.endsWith('.yaml') &&
        !readFileSync(`examples/${f}`, 'utf8').includes('schema: tandem/operations@1'),
    ),
    ...readdirSync('examples/fit')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `fit/${f}`),
  ]

  it.each(examples)('quotes only matched passages of the article in %s', (file) => {
    expectFaithful(assess(anExample(file), thePlaybook()))
  })

  it('quotes only matched passages of the article for generated profiles', () => {
    fc.assert(
      fc.property(fc.oneof(aProfileInput, aProfileInputWithSeats), (input) => {
        expectFaithful(assess(valid(input), thePlaybook()))
      }),
      { numRuns: 300 },
    )
  })

  it('does not quote the mid-size passage for a 120-person company, nor "can combine the roles" to split them', () => {
    const large = assess(
      valid({
        name: 'Plant',
        employees: 120,
        engineers: 30,
        ai: { centrality: 'important', functions: ['operations', 'sales'] },
      }),
      thePlaybook(),
    )
    expect(large.recommendation.structure).toBe('cto-plus-fractional-caio')
    expect(sourcesOf(large).join(' ')).not.toContain('30-100 employees')
    const split = assess(
      valid({
        name: 'Clinic',
        employees: 12,
        engineers: 4,
        industry: 'healthcare',
        ai: { centrality: 'important' },
      }),
      thePlaybook(),
    )
    expect(split.recommendation.structure).toBe('separate-fractional')
    expect(split.recommendation.source.join(' ')).not.toContain('can combine the roles')
  })

  it('keeps the playbook’s design note out of the quotation of a blocking finding', () => {
    const a = assess(
      valid({
        name: 'Scorer',
        employees: 40,
        engineers: 10,
        ai: { centrality: 'core', useCases: [{ name: 'Citizen score', area: 'prohibited' }] },
      }),
      thePlaybook(),
    )
    expect(a.findings[0]?.note).toBe(thePlaybook().doc.notes['prohibited'])
    expect(a.findings[0]?.source).toBe(
      "where failures mean regulatory violations or safety issues -- dedicated governance through a CAIO isn't optional",
    )
  })
})

/**
 * What a rule's reason may claim, and what must then be true of the facts. A reason that claims
 * something not listed here fails the test below: add the claim and its condition.
 */
const CLAIMS: readonly [RegExp, (f: Facts) => boolean][] = [
  [/not yet the dominant/, (f) => f.centrality !== 'core'],
  [/primary differentiator/, (f) => f.centrality === 'core'],
  [/^Under \d+ employees/, (f) => f.size === 'startup'],
  [/below \d+ employees/, (f) => f.size !== 'large'],
  [/A large organization/, (f) => f.size === 'large'],
  [/a startup can afford/, (f) => f.size === 'startup'],
  [/budget for two/, (f) => f.budget === 'two'],
  [/fewer than two full-time/, (f) => f.budget !== 'two'],
  [/funds a full-time senior leader/, (f) => f.budget !== 'fractional'],
  [/^No budget for a full-time/, (f) => f.budget === 'fractional'],
  [/funds one full-time leader/, (f) => f.budget === 'one'],
  [/^Failures could mean regulatory/, (f) => f.stakes === 'high'],
  [/high failure stakes/, (f) => f.stakes === 'high'],
  [/its stakes normal/, (f) => f.stakes === 'normal'],
  [/^Several products/, (f) => f.complexity === 'high'],
  [/not highly complex/, (f) => f.complexity !== 'high'],
  [/non-trivial stack|the stack is complex/, (f) => f.complexity !== 'low'],
  [/technology organization is simple/, (f) => f.complexity === 'low'],
  [/span \d+ or more functions/, (f) => f.reach === 'broad'],
  [/opportunities narrow/, (f) => f.reach === 'narrow'],
  [/valuable but peripheral/, (f) => f.centrality === 'peripheral'],
  [/needs a full-time leader's attention/, (f) => f.aiDemand === 'full'],
  [/without being central/, (f) => f.aiDemand === 'dedicated'],
  [/^AI matters/, (f) => f.aiDemand !== 'none'],
]

describe('every rule’s why is true of the facts that fired it', () => {
  const playbook = thePlaybook()
  const derivable = everyFacts().filter(
    (f) => f.aiDemand === playbook.aiDemand({ ...f, aiDemand: playbook.aiDemandDefault }),
  )
  it.each(playbook.rules.map((r) => r.id))('%s', (id) => {
    let fired = 0
    for (const facts of derivable) {
      const decision = playbook.decisions[factsIndex(facts)]
      if (decision?.rule.id !== id) continue
      fired++
      for (const why of decision.why) {
        const claims = CLAIMS.filter(([pattern]) => pattern.test(why))
        expect(claims.length, `no known claim in "${why}"`).toBeGreaterThan(0)
        for (const [pattern, holds] of claims)
          expect(holds(facts), `"${why}" claims ${pattern} for ${JSON.stringify(facts)}`).toBe(true)
      }
    }
    expect(fired).toBeGreaterThan(0)
  })
})
