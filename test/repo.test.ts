import { describe, expect, it } from 'vitest'
import { brokenLinks, importViolations } from './repo-checks.js'

describe('the repository', () => {
  it('keeps every import of src/ within its layer', async () => {
    expect(await importViolations()).toEqual([])
  })

  it('has no Markdown link that points outside it or at nothing', () => {
    expect(brokenLinks()).toEqual([])
  })
})
