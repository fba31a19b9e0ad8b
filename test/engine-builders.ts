import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import type { Playbook } from '../src/engine/compile-playbook.js'
import type { Profile, ProfileInput } from '../src/engine/profile-schema.js'
import { compilePlaybook } from '../src/engine/compile-playbook.js'
import { validateProfile } from '../src/engine/validate-profile.js'
import { compactStrings } from '../src/io/compact-strings.js'

export const repoPath = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url))

/** Reads and parses a YAML file of the repository (tests only: production goes through src/io). */
export function readYaml(relative: string): unknown {
  return YAML.parse(readFileSync(repoPath(relative), 'utf8'))
}

let cached: Playbook | undefined

/** Compiles a playbook file of the repository with the shipped EU AI Act classifier. */
export function compileFile(relative: string): Playbook {
  // As src/io/load-playbook.ts loads it: strings compacted, so replies measure as in production.
  const compiled = compilePlaybook(compactStrings(readYaml(relative)), {
    classifier: readYaml('playbooks/eu-ai-act.yaml'),
    operations: (readYaml('playbooks/tandem-default.yaml') as { operations?: unknown }).operations,
  })
  if (!compiled.ok) throw new Error(`${relative} invalid: ${JSON.stringify(compiled.error)}`)
  return compiled.value
}

/** The shipped default playbook, compiled once. */
export function thePlaybook(): Playbook {
  cached ??= compileFile('playbooks/tandem-default.yaml')
  return cached
}

/** A valid profile: a 10-person software startup with peripheral AI, overridable field by field. */
export function aProfile(overrides: Partial<ProfileInput> = {}): Profile {
  const input: ProfileInput = {
    name: 'Acme',
    employees: 10,
    engineers: 4,
    products: 1,
    industry: 'software',
    ai: { centrality: 'peripheral', functions: [] },
    budget: { fullTimeLeaders: 1 },
    ...overrides,
  }
  const result = validateProfile(input)
  if (!result.ok) throw new Error(`invalid test profile: ${JSON.stringify(result.error)}`)
  return result.value
}

/** An example profile from examples/. */
export function anExample(file: string): Profile {
  const result = validateProfile(readYaml(`examples/${file}`))
  if (!result.ok) throw new Error(`invalid example ${file}: ${JSON.stringify(result.error)}`)
  return result.value
}
