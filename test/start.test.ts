import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILD_OUTPUTS, buildIsStale } from '../scripts/start.js'

// `npm start` builds only when the build is missing or older than a source.

let root: string

function file(path: string, secondsAgo: number): void {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, '')
  const when = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(full, when, when)
}

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('buildIsStale', () => {
  it('is stale when an output is missing', () => {
    root = mkdtempSync(join(tmpdir(), 'tandem-start-'))
    file('src/index.ts', 100)
    file(BUILD_OUTPUTS[0], 10)
    expect(buildIsStale(root)).toBe(true)
  })

  it('is current when every output is newer than every source', () => {
    root = mkdtempSync(join(tmpdir(), 'tandem-start-'))
    file('src/engine/assess.ts', 100)
    file('package.json', 100)
    for (const output of BUILD_OUTPUTS) file(output, 10)
    utimesSync(join(root, 'src'), new Date(Date.now() - 100_000), new Date(Date.now() - 100_000))
    utimesSync(
      join(root, 'src/engine'),
      new Date(Date.now() - 100_000),
      new Date(Date.now() - 100_000),
    )
    expect(buildIsStale(root)).toBe(false)
  })

  it('is stale when a source file changed after the build', () => {
    root = mkdtempSync(join(tmpdir(), 'tandem-start-'))
    for (const output of BUILD_OUTPUTS) file(output, 10)
    file('src/web/App.tsx', 1)
    expect(buildIsStale(root)).toBe(true)
  })
})
