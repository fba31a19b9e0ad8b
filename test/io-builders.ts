import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A valid profile document as a user would write it; override any top-level field. */
export function aProfileDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Acme',
    employees: 40,
    engineers: 12,
    ai: { centrality: 'important' },
    ...overrides,
  }
}

/** Writes files into a fresh temporary directory and returns its path. */
export function aTempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-io-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** NDJSON text: one JSON document per line. */
export function ndjson(documents: readonly unknown[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n') + '\n'
}
