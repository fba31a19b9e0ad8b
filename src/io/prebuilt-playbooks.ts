import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { parseYaml } from './parse-yaml.js'

// The shipped playbooks are YAML for people; parsing ~100 KB of YAML was most of a CLI command's
// start-up. `npm run build` writes each one's document as JSON beside the build
// (dist/playbooks/<name>.json) with the hash of the YAML it came from, after checking that the
// playbook compiles; a run reads the JSON instead of the YAML when the hash still matches. A YAML
// edited after the build, or no build, falls back to parsing the YAML, so the two never disagree.
// The prebuilt form is never written by hand.

/** Where the build puts the prebuilt documents (same place from src/io and from dist/io). */
export const PREBUILT_DIR = fileURLToPath(new URL('../../dist/playbooks/', import.meta.url))

interface Prebuilt {
  readonly sha256: string
  readonly document: unknown
}

export function sourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function prebuiltPathOf(yamlPath: string, dir = PREBUILT_DIR): string {
  return join(dir, `${basename(yamlPath).replace(/\.ya?ml$/, '')}.json`)
}

/** The prebuilt document of `yamlPath` when it was built from exactly `text`; otherwise undefined. */
export function readPrebuilt(yamlPath: string, text: string, dir = PREBUILT_DIR): unknown {
  const path = prebuiltPathOf(yamlPath, dir)
  if (!existsSync(path)) return undefined
  try {
    const prebuilt = JSON.parse(readFileSync(path, 'utf8')) as Partial<Prebuilt>
    return prebuilt.sha256 === sourceHash(text) ? prebuilt.document : undefined
  } catch {
    return undefined
  }
}

/** The shipped document at `yamlPath`: the prebuilt JSON when current, else the YAML parsed. */
export function readShippedDocument(yamlPath: string, dir = PREBUILT_DIR): unknown {
  const text = readFileSync(yamlPath, 'utf8')
  const prebuilt = readPrebuilt(yamlPath, text, dir)
  return prebuilt === undefined ? parseYaml(text, yamlPath) : prebuilt
}

/**
 * Writes the prebuilt JSON of each YAML file. Throws when a document does not survive the JSON round
 * trip unchanged (a YAML date, say), so a prebuilt form always equals its YAML.
 */
export function writePrebuilt(yamlPaths: readonly string[], dir = PREBUILT_DIR): string[] {
  mkdirSync(dir, { recursive: true })
  return yamlPaths.map((yamlPath) => {
    const text = readFileSync(yamlPath, 'utf8')
    const document = parseYaml(text, yamlPath)
    const json = JSON.stringify({ sha256: sourceHash(text), document } satisfies Prebuilt)
    if (!isDeepStrictEqual((JSON.parse(json) as Prebuilt).document, document)) {
      throw new Error(`${yamlPath} does not convert to JSON unchanged`)
    }
    const path = prebuiltPathOf(yamlPath, dir)
    writeFileSync(path, json)
    return path
  })
}
