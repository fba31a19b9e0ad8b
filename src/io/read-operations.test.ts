import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { parseOperationsText } from './read-operations.js'

const yaml = (body: string) => `schema: tandem/operations@1
organization:
  name: Acme
initiatives:
${body}`

describe('parseOperationsText', () => {
  it('reads YAML and JSON alike', () => {
    const fromYaml = parseOperationsText(
      yaml("  - { id: a, title: A, createdAt: '2026-01-01' }"),
      'ops.yaml',
    )
    const fromJson = parseOperationsText(
      JSON.stringify({
        schema: 'tandem/operations@1',
        organization: { name: 'Acme' },
        initiatives: [{ id: 'a', title: 'A', createdAt: '2026-01-01' }],
      }),
      'ops.json',
    )
    expect(fromJson).toEqual(fromYaml)
  })

  it('names the file, line and field of each problem', () => {
    const text = yaml(`  - id: a
    title: A
    createdAt: '2026-01-01'
    stage: launched`)
    try {
      parseOperationsText(text, 'ops.yaml')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as InvalidInputError).message).toBe('ops.yaml is not a valid operations file')
      expect((error as InvalidInputError).problems).toEqual([
        {
          file: 'ops.yaml',
          line: 8,
          field: 'initiatives[0].stage',
          message: expect.stringContaining('idea') as string,
        },
      ])
    }
  })
})
