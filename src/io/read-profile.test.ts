import { Readable } from 'node:stream'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aProfileDocument, aTempDir } from '../../test/io-builders.js'
import { readProfile } from './read-profile.js'

const noStdin = Readable.from([])

describe('readProfile', () => {
  it('reads YAML from a file', async () => {
    const dir = aTempDir({
      'p.yaml': 'name: Acme\nemployees: 40\nengineers: 12\nai:\n  centrality: core\n',
    })
    const { profile, source } = await readProfile(join(dir, 'p.yaml'), noStdin)
    expect([source.endsWith('p.yaml'), profile.name, profile.products, profile.industry]).toEqual([
      true,
      'Acme',
      1,
      'other',
    ])
  })

  it('reads JSON from stdin when the path is -', async () => {
    const stdin = Readable.from([Buffer.from(JSON.stringify(aProfileDocument({ name: 'Piped' })))])
    const { profile, source } = await readProfile('-', stdin)
    expect([source, profile.name]).toEqual(['stdin', 'Piped'])
  })

  it('names file, line and field of every problem', async () => {
    const dir = aTempDir({
      'p.yaml':
        'name: Acme\nemployees: 40\nengineers: 12\nai:\n  centrality: central\nbudget: {leaders: 2}\n',
    })
    const path = join(dir, 'p.yaml')
    await expect(readProfile(path, noStdin)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `${path} is not a valid profile`,
      problems: [
        {
          file: path,
          line: 5,
          field: 'ai.centrality',
          message: 'Invalid option: expected one of "peripheral"|"important"|"core"',
        },
        { file: path, line: 6, field: 'budget.leaders', message: 'unknown field "leaders"' },
      ],
    })
  })

  it('refuses a missing file with NOT_FOUND naming it', async () => {
    await expect(readProfile('/nowhere/p.yaml', noStdin)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'file "/nowhere/p.yaml" does not exist',
    })
  })

  it('refuses a directory with IO_ERROR naming it', async () => {
    const dir = aTempDir()
    await expect(readProfile(dir, noStdin)).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: `cannot read ${dir}: it is a directory`,
    })
  })

  it('refuses a file over 1 MiB before reading it', async () => {
    const dir = aTempDir({ 'big.yaml': `name: ${'x'.repeat(1024 * 1024)}\n` })
    await expect(readProfile(join(dir, 'big.yaml'), noStdin)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: `${join(dir, 'big.yaml')} is larger than the 1 MiB limit`,
    })
  })

  it('refuses stdin over 1 MiB while streaming it', async () => {
    const stdin = Readable.from(Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 'a')))
    await expect(readProfile('-', stdin)).rejects.toMatchObject({ code: 'TOO_LARGE' })
  })
})
