import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aProfileInput } from '../../test/engine-arbitraries.js'
import { anExample, thePlaybook } from '../../test/engine-builders.js'
import { assess } from './assess.js'
import { assessmentSchema, jsonSchemas } from './assessment-schema.js'
import { validateProfile } from './validate-profile.js'

describe('the published output schema', () => {
  it('describes every assessment the engine makes', () => {
    fc.assert(
      fc.property(aProfileInput, (input) => {
        const profile = validateProfile(input)
        if (!profile.ok) throw new Error('generated profile invalid')
        expect(assessmentSchema.safeParse(assess(profile.value, thePlaybook())).success).toBe(true)
      }),
      { numRuns: 100 },
    )
    expect(
      assessmentSchema.safeParse(assess(anExample('fintech-200.yaml'), thePlaybook())).error,
    ).toBeUndefined()
  })

  it.each(['profile', 'assessment'] as const)(
    'schemas/%s.schema.json is up to date (npm run schemas)',
    (name) => {
      const committed = readFileSync(
        new URL(`../../schemas/${name}.schema.json`, import.meta.url),
        'utf8',
      )
      expect(committed).toBe(`${JSON.stringify(jsonSchemas()[name], null, 2)}\n`)
    },
  )
})
