import { describe, expect, it } from 'vitest'
import { importContentType, importFinished, importPercent } from './import-file.js'

describe('importContentType', () => {
  it.each([
    ['orgs.csv', 'text/csv'],
    ['ORGS.CSV', 'text/csv'],
    ['orgs.ndjson', 'application/x-ndjson'],
    ['orgs.jsonl', 'application/x-ndjson'],
    ['orgs.yaml', 'application/yaml'],
    ['orgs.yml', 'application/yaml'],
    ['orgs.json', 'application/yaml'],
    ['orgs.xlsx', null],
    ['README', null],
  ] as const)('sends %s as %s', (name, type) => {
    expect(importContentType(name)).toBe(type)
  })
})

describe('importFinished', () => {
  it.each([
    [{ status: 'running', processed: 3, total: 10 }, false],
    [{ status: 'running', processed: 10, total: 10 }, false],
    [{ status: 'done', processed: 10, total: 10 }, true],
    [{ status: 'failed', processed: 0, total: 0 }, true],
    [{ status: 'accepted', processed: 10, total: 10 }, true],
  ] as const)('reads %j as finished: %s', (job, finished) => {
    expect(importFinished(job)).toBe(finished)
  })
})

describe('importPercent', () => {
  it.each([
    [{ processed: 0, total: 0 }, 0],
    [{ processed: 1, total: 3 }, 33],
    [{ processed: 3, total: 3 }, 100],
  ] as const)('computes %j as %d%%', (job, percent) => {
    expect(importPercent(job)).toBe(percent)
  })
})
