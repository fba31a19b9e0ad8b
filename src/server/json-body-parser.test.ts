/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON checked by exact values */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aProfile, aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { MAX_NESTING_DEPTH } from '../io/limits.js'

// reliability.md §C, §G: every parser gets the nesting guard. A JSON body (a profile, a playbook
// upload) nested deeper than the limit is refused before anything recurses into it; before, a
// deeply nested JSON playbook overflowed the stack.

let server: TestServer
let alice: TestUser
let ws: string

beforeAll(async () => {
  server = await aServer({ TANDEM_LOG_LEVEL: 'silent' })
  alice = await aUser(server.store, 'alice@example.com')
  ws = await aWorkspace(server.store, alice, 'North')
})
afterAll(() => server.close())

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

describe('JSON request bodies', () => {
  it.each([
    ['a playbook upload', () => `/api/v1/workspaces/${ws}/playbooks`],
    ['an assessment', () => '/api/v1/assess'],
  ])('refuses %s nested 100,000 deep with 400, before parsing', async (_name, url) => {
    const response = await server.app.inject({
      method: 'POST',
      url: url(),
      headers: { authorization: alice.bearer, 'content-type': 'application/json' },
      payload: `{"id":"deep","rules":${nested(100_000)}}`,
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'the JSON body is nested too deeply',
      issues: [
        {
          path: 'body',
          message: `nesting deeper than ${MAX_NESTING_DEPTH} levels is refused (line 1)`,
        },
      ],
    })
  })

  it('accepts nesting up to the limit and still refuses prototype poisoning', async () => {
    const deepEnough = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        ...aProfile(),
        extra: JSON.parse(nested(MAX_NESTING_DEPTH - 2)) as unknown,
      }),
    })
    // Parsed (not refused for nesting): the profile schema names the unknown field.
    expect(json(deepEnough).error.issues).toEqual([
      { code: 'unknown_field', path: 'extra', message: 'unknown field "extra"' },
    ])
    const poisoned = await server.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/json' },
      payload: `{"__proto__":{"admin":true},"profile":${JSON.stringify(aProfile())}}`,
    })
    expect(poisoned.statusCode).toBe(400)
  })
})
