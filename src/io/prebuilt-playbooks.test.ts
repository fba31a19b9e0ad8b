import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assess } from '../engine/assess.js'
import { compilePlaybook } from '../engine/compile-playbook.js'
import { DEFAULT_CLASSIFIER_PATH, DEFAULT_PLAYBOOK_PATH } from './load-playbook.js'
import { parseYaml } from './parse-yaml.js'
import { readPrebuilt, readShippedDocument, writePrebuilt } from './prebuilt-playbooks.js'
import { readProfile } from './read-profile.js'

describe('prebuilt playbooks', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-prebuilt-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('equals the YAML it was built from, and compiles to the same assessments', async () => {
    writePrebuilt([DEFAULT_PLAYBOOK_PATH, DEFAULT_CLASSIFIER_PATH], dir)
    const compileFrom = (read: (path: string) => unknown) => {
      const document = read(DEFAULT_PLAYBOOK_PATH) as { operations?: unknown }
      const compiled = compilePlaybook(document, {
        classifier: read(DEFAULT_CLASSIFIER_PATH),
        operations: document.operations,
      })
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.error))
      return compiled.value
    }
    const fromYaml = (path: string) => parseYaml(readFileSync(path, 'utf8'), path)
    const fromPrebuilt = (path: string) => readPrebuilt(path, readFileSync(path, 'utf8'), dir)
    for (const path of [DEFAULT_PLAYBOOK_PATH, DEFAULT_CLASSIFIER_PATH]) {
      expect(fromPrebuilt(path)).toEqual(fromYaml(path))
    }
    const yamlPlaybook = compileFrom(fromYaml)
    const prebuiltPlaybook = compileFrom(fromPrebuilt)
    for (const example of ['fintech-200', 'midsize-logistics', 'startup-seed', 'growth-plan']) {
      const { profile } = await readProfile(`examples/${example}.yaml`, Readable.from([]))
      expect(assess(profile, prebuiltPlaybook)).toEqual(assess(profile, yamlPlaybook))
    }
  })

  it('falls back to the YAML when it changed after the build, or when there is no build', () => {
    const copy = join(dir, 'tandem-default.yaml')
    const text = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8')
    writeFileSync(copy, text)
    const built = join(dir, 'built')
    writePrebuilt([copy], built)
    expect(readPrebuilt(copy, text, built)).toEqual(parseYaml(text, copy))

    // An edit after the build: the prebuilt form no longer matches and the YAML is read instead.
    const edited = text.replace(/^version: .*$/m, 'version: 9.9.9')
    expect(edited).not.toBe(text)
    writeFileSync(copy, edited)
    expect(readPrebuilt(copy, edited, built)).toBeUndefined()
    expect(readShippedDocument(copy, built)).toMatchObject({ version: '9.9.9' })

    // No build at all, or a damaged file.
    expect(readShippedDocument(copy, join(dir, 'nowhere'))).toMatchObject({ version: '9.9.9' })
    writeFileSync(join(built, 'tandem-default.json'), '{not json')
    expect(readPrebuilt(copy, edited, built)).toBeUndefined()
  })
})
