/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON checked by exact values */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Charter } from '../engine/types.js'
import type { TestServer, TestUser } from '../../test/server-harness.js'
import { aProfile, aServer, aUser, aWorkspace, json } from '../../test/server-harness.js'

// framework.md §6: a saved version edits the charter's cells, never the structure, seats or rows
// it was made for.
describe('PUT /api/v1/workspaces/:ws/charters/:id keeps what the charter is about', () => {
  let server: TestServer
  let alice: TestUser
  let ws: string
  let charterId: string
  let first: Charter

  beforeEach(async () => {
    server = await aServer()
    alice = await aUser(server.store, 'alice@example.com')
    ws = await aWorkspace(server.store, alice, 'Work')
    // A full-time CTO and a fractional CAIO: two seats besides the fixed columns.
    const org = json(
      await call('POST', '/organizations', {
        profile: aProfile({
          employees: 150,
          engineers: 40,
          ai: { centrality: 'core', functions: ['sales'] },
        }),
      }),
    )
    const assessment = json(await call('POST', `/organizations/${org.id}/assessments`, {}))
    const created = json(await call('POST', `/assessments/${assessment.id}/charter`))
    charterId = created.id
    first = created.charter
  })
  afterEach(async () => {
    await server.close()
  })

  function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    return server.app.inject({
      method,
      url: `/api/v1/workspaces/${ws}${url}`,
      headers: { authorization: alice.bearer },
      ...(payload === undefined ? {} : { payload: payload as string }),
    })
  }

  const save = (charter: Charter, expectedVersion = 1) =>
    call('PUT', `/charters/${charterId}`, { charter, expectedVersion })

  async function expectRefused(
    charter: Charter,
    issues: readonly { path: string; message: string }[],
  ) {
    const response = await save(charter)
    expect(response.statusCode).toBe(400)
    expect(json(response).error).toMatchObject({ code: 'INVALID_INPUT', issues })
    const versions = json(await call('GET', `/charters/${charterId}/versions`))
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1])
  }

  it('starts from a charter with CTO and CAIO seats', () => {
    expect(first.structure).toBe('cto-plus-fractional-caio')
    expect(first.columns).toEqual(['CTO', 'CAIO', 'CEO', 'Engineering', 'Business functions'])
  })

  it('refuses a version for another structure with the path charter.structure', async () => {
    await expectRefused({ ...first, structure: 'separate-fractional' }, [
      {
        path: 'charter.structure',
        message:
          'the charter is for structure "cto-plus-fractional-caio"; a new version cannot change it to "separate-fractional"',
      },
    ])
  })

  it('refuses a renamed seat, even with its cells moved along and every rule met', async () => {
    const rename = (column: string) => (column === 'CAIO' ? 'Chief Data Officer' : column)
    const charter: Charter = {
      ...first,
      columns: first.columns.map(rename),
      rows: first.rows.map((row) => ({
        ...row,
        cells: Object.fromEntries(Object.entries(row.cells).map(([c, cell]) => [rename(c), cell])),
      })),
    }
    await expectRefused(charter, [
      {
        path: 'charter.columns[1]',
        message:
          '"Chief Data Officer" is not a column of this charter (CTO, CAIO, CEO, Engineering, Business functions)',
      },
      {
        path: 'charter.columns',
        message: 'column "CAIO" is missing; a new version keeps every column of the charter',
      },
    ])
  })

  it('refuses a dropped seat whose rows were handed to another seat', async () => {
    const charter: Charter = {
      ...first,
      columns: first.columns.filter((column) => column !== 'CAIO'),
      rows: first.rows.map((row) => {
        const { CAIO: caio, ...cells } = row.cells
        return caio?.includes('A') ? { ...row, cells: { ...cells, CTO: 'A/R' } } : { ...row, cells }
      }),
    }
    const response = await save(charter)
    expect(response.statusCode).toBe(400)
    expect(json(response).error.issues).toContainEqual({
      code: 'column_removed',
      path: 'charter.columns',
      message: 'column "CAIO" is missing; a new version keeps every column of the charter',
    })
  })

  it('refuses a row moved to another group', async () => {
    const rows = first.rows.map((row, index) =>
      index === 0 ? { ...row, group: 'partnership' as const } : row,
    )
    await expectRefused({ ...first, rows }, [
      {
        path: 'charter.rows[0].group',
        message: `row "${first.rows[0]?.id}" belongs to group "${first.rows[0]?.group}", not "partnership"`,
      },
    ])
  })

  it('refuses a version without one of the rows, naming the row once', async () => {
    const response = await save({ ...first, rows: first.rows.slice(1) })
    expect(response.statusCode).toBe(400)
    const issues = json(response).error.issues as { code: string; path: string; message: string }[]
    expect(issues.filter((issue) => issue.message.includes(`"${first.rows[0]?.id}"`))).toEqual([
      {
        code: 'missing_row',
        path: 'charter.rows',
        message: `row "${first.rows[0]?.id}" is missing`,
      },
    ])
  })

  it('still saves a version that changes cells and labels only, compared with the first version', async () => {
    const edited = first.rows.map((row, index) =>
      index === 0 ? { ...row, label: 'Platforms and tooling' } : row,
    )
    expect((await save({ ...first, rows: edited })).statusCode).toBe(200)
    expect((await save({ ...first, rows: edited, structure: 'cto-owns-ai' }, 2)).statusCode).toBe(
      400,
    )
    expect((await save(first, 2)).statusCode).toBe(200)
  })

  it('answers 404 for a charter of another workspace', async () => {
    const other = await aWorkspace(server.store, alice, 'Other')
    const response = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/workspaces/${other}/charters/${charterId}`,
      headers: { authorization: alice.bearer },
      payload: { charter: first, expectedVersion: 1 },
    })
    expect(response.statusCode).toBe(404)
  })
})
