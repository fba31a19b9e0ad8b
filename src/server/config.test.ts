import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_ENV_VARIABLES, loadConfig } from './config.js'

describe('loadConfig', () => {
  it.each([
    [{}, 'memory'],
    [{ DATABASE_URL: 'postgres://db/tandem' }, 'database'],
    [{ DATABASE_URL: 'postgres://db/tandem', TANDEM_RATE_LIMIT: 'memory' }, 'memory'],
    [{ TANDEM_RATE_LIMIT: 'database' }, 'database'],
  ] as const)('with %j counts the assess limit in %s', (env, mode) => {
    expect(loadConfig(env).rateLimit).toBe(mode)
  })

  it('names TANDEM_RATE_LIMIT and the value it got', () => {
    expect(() => loadConfig({ TANDEM_RATE_LIMIT: 'redis' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        problems: [
          {
            field: 'TANDEM_RATE_LIMIT',
            message: expect.stringContaining('(got "redis")') as unknown,
          },
        ],
      }),
    )
  })

  it('trusts no proxy and prunes hourly by default', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: false, maintenanceIntervalMs: 3_600_000 })
  })

  it('reads the maintenance interval in minutes', () => {
    expect(loadConfig({ TANDEM_MAINTENANCE_MINUTES: '5' }).maintenanceIntervalMs).toBe(300_000)
  })
})

describe('the configuration reference', () => {
  it('docs/operations.md documents every environment variable the server reads', () => {
    const docs = readFileSync('docs/operations.md', 'utf8')
    expect(SERVER_ENV_VARIABLES.filter((name) => !docs.includes(`\`${name}\``))).toEqual([])
  })
})
