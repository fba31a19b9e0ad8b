/* eslint-disable @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON checked by exact values */
import type { TestServer, TestUser } from '../../test/server-harness.js'
import type { Call, Ids } from '../../test/server-routes.js'
import type { TestStore } from '../../test/store-databases.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../contract/text.js'
import { aProfile, aServer, aSession, aUser, aWorkspace, json } from '../../test/server-harness.js'
import { ROUTE_CALLS, seedWorkspace } from '../../test/server-routes.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
} from '../../test/store-databases.js'

// reliability.md §G "Text the database refuses": PostgreSQL refuses NUL in text and index rows
// over ~2.7 KB, SQLite takes both. Every route refuses both at the edge with the same 400 naming
// the field, on both databases (before: 500 on PostgreSQL for NUL in names, emails and CSV cells,
// and for a profile name over ~8 KB).

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

type Path = readonly (string | number)[]

const PUBLIC_CALLS: Readonly<Record<string, () => Call>> = {
  'POST /api/v1/assess': () => ({ method: 'POST', url: '/api/v1/assess', payload: aProfile() }),
  'POST /api/v1/auth/login': () => ({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'someone@example.com', password: 'a long passphrase' },
  }),
}

/** Where the first string of a JSON payload is, depth first. */
function firstString(value: unknown, path: Path = []): Path | null {
  if (typeof value === 'string') return path
  if (value === null || typeof value !== 'object') return null
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = firstString(item, [...path, key])
    if (found) return found
  }
  return null
}

function replaced(value: unknown, path: Path, replacement: (old: string) => string): unknown {
  if (path.length === 0) return replacement(value as string)
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])]
    copy[head as number] = replaced(copy[head as number], rest, replacement)
    return copy
  }
  const copy = { ...(value as Record<string, unknown>) }
  copy[head as string] = replaced(copy[head as string], rest, replacement)
  return copy
}

function formatted(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  )
}

describe.each(STORE_DIALECTS)('text limits on every route on %s', (dialect) => {
  let t: TestStore
  let server: TestServer
  let alice: TestUser
  let ids: Ids
  let session: { headers: Record<string, string>; cookies: Record<string, string> }

  beforeAll(async () => {
    t = await openTestStore(dialect)
    server = await aServer({ TANDEM_LOG_LEVEL: 'silent' }, { store: t.store, now: t.clock.now })
    alice = await aUser(t.store, 'alice@example.com')
    ids = await seedWorkspace(t.store, alice, await aWorkspace(t.store, alice, 'North'), 'NORTH')
    // A signed-in browser tab reaches every route, session-only ones included.
    session = await aSession(server.app, alice)
  })
  afterAll(async () => {
    await server.close()
    await t.dispose()
  })

  function send(call: Call) {
    return server.app.inject({
      method: call.method,
      url: call.url,
      headers: { ...session.headers, ...call.headers },
      cookies: session.cookies,
      ...(call.payload === undefined ? {} : { payload: call.payload as string }),
    })
  }

  const calls = Object.entries({ ...ROUTE_CALLS, ...PUBLIC_CALLS }) as [
    string,
    (ids: Ids) => Call,
  ][]
  const withJsonBody = calls.filter(([, build]) => {
    const payload = build(FAKE_IDS).payload
    return typeof payload === 'object' && payload !== null && firstString(payload) !== null
  })
  // The workspace import carries whole playbook sources: its strings are limited field by field.
  const LONG_TEXT_ROUTES = ['POST /api/v1/workspaces/import']
  const withDefaultLimit = withJsonBody.filter(([key]) => !LONG_TEXT_ROUTES.includes(key))
  const withPathIds = calls.filter(([key]) => /:\w+/.test(key))

  it.each(withJsonBody)('%s refuses a NUL in the body, naming the field', async (_key, build) => {
    const call = build(ids)
    const path = firstString(call.payload)!
    const response = await send({
      ...call,
      payload: replaced(call.payload, path, (old) => `${old}\u0000x`),
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toEqual([
      {
        code: 'invalid_value',
        path: formatted(path),
        message: 'contains the control character U+0000 (NUL), which is refused',
      },
    ])
  })

  it.each(withDefaultLimit)(
    '%s refuses an over-long string in the body, naming the field',
    async (_key, build) => {
      const call = build(ids)
      const path = firstString(call.payload)!
      const response = await send({
        ...call,
        payload: replaced(call.payload, path, () => 'x'.repeat(MAX_TEXT_LENGTH + 1)),
      })
      expect(response.statusCode).toBe(400)
      expect(json(response).error.issues).toEqual([
        {
          code: 'invalid_value',
          path: formatted(path),
          message: `${MAX_TEXT_LENGTH + 1} characters; at most ${MAX_TEXT_LENGTH} are accepted`,
        },
      ])
    },
  )

  it.each(withPathIds)(
    '%s refuses a NUL in a path id, naming the parameter',
    async (key, build) => {
      const call = build(ids)
      const last = key
        .split('/')
        .filter((segment) => segment.startsWith(':'))
        .at(-1)!
        .slice(1)
      const segments = call.url.split('?')[0]!.split('/')
      const keySegments = key.split(' ')[1]!.split('/')
      const index = keySegments.indexOf(`:${last}`)
      segments[index] = `${segments[index]}%00`
      const response = await send({ ...call, url: segments.join('/') })
      expect(response.statusCode).toBe(400)
      expect(json(response).error.issues).toEqual([
        {
          code: 'invalid_value',
          path: last,
          message: 'contains the control character U+0000 (NUL), which is refused',
        },
      ])
    },
  )

  it('limits the workspace import field by field', async () => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/workspaces/import',
      payload: {
        schema: 'tandem/workspace-export@1',
        exportedAt: '2026-01-01T00:00:00.000Z',
        workspace: { id: ids.ws, name: 'N'.repeat(MAX_TEXT_LENGTH + 1) },
        organizations: [],
        assessments: [],
        charters: [],
        playbooks: [],
      },
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toEqual([
      { code: 'too_big', path: 'workspace.name', message: `at most ${MAX_NAME_LENGTH} characters` },
    ])
  })

  it('refuses a NUL in a query parameter', async () => {
    const response = await send({
      method: 'GET',
      url: `/api/v1/workspaces/${ids.ws}/organizations?q=a%00b`,
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toEqual([
      {
        code: 'invalid_value',
        path: 'q',
        message: 'contains the control character U+0000 (NUL), which is refused',
      },
    ])
  })

  it('refuses an organization name longer than the name limit (an index row on PostgreSQL)', async () => {
    const response = await send({
      method: 'POST',
      url: `/api/v1/workspaces/${ids.ws}/organizations`,
      payload: { profile: aProfile({ name: 'N'.repeat(8000) }) },
    })
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toEqual([
      { code: 'too_big', path: 'profile.name', message: `at most ${MAX_NAME_LENGTH} characters` },
    ])
  })

  it('keeps the valid records of an import and refuses the one with a NUL, naming row and field', async () => {
    const rows = [aProfile({ name: 'Clean One' }), aProfile({ name: 'Dirty\u0000Two' })]
    const response = await send({
      method: 'POST',
      url: `/api/v1/workspaces/${ids.ws}/imports`,
      headers: { 'content-type': 'application/x-ndjson' },
      payload: rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
    })
    expect(response.statusCode).toBe(202)
    const job = json<{ id: string }>(response).id
    let status = ''
    for (let i = 0; i < 100 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const polled = await send({
        method: 'GET',
        url: `/api/v1/workspaces/${ids.ws}/imports/${job}`,
      })
      status = json<{ status: string }>(polled).status
    }
    expect(status).toBe('done')
    const errors = await send({
      method: 'GET',
      url: `/api/v1/workspaces/${ids.ws}/imports/${job}/errors`,
    })
    expect(json(errors)).toEqual([{ row: 2, field: 'name', message: 'no control characters' }])
    const list = await send({
      method: 'GET',
      url: `/api/v1/workspaces/${ids.ws}/organizations?q=Clean`,
    })
    const names = json<{ items: { name: string }[] }>(list).items.map((item) => item.name)
    expect(names).toEqual(['Clean One'])
  })
})

// Stand-in ids, only to see which calls carry a JSON body with text (every id is a string here).
const FAKE_IDS = new Proxy({} as Ids, {
  get: (_target, key) => (key === 'charterDoc' ? { structure: 'x' } : String(key)),
})
