import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

describe('bin/tandem', () => {
  it('starts from the repository root without a build and prints the version', async () => {
    const { stdout } = await run('bin/tandem', ['--version'], { timeout: 60_000 })
    expect(stdout).toBe(`${VERSION}\n`)
  })

  it('exits with the code run() returns', async () => {
    const failure = await run('bin/tandem', ['assess', 'no-such-profile.yaml'], {
      timeout: 60_000,
    }).catch((error: unknown) => error as { code: number; stderr: string })
    expect(failure).toMatchObject({
      code: 4,
      stderr: 'tandem: file "no-such-profile.yaml" does not exist\n',
    })
  })
})
