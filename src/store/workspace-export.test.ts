import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '../../test/store-databases.js'
import {
  closeSharedPglite,
  openTestStore,
  PGLITE_START_TIMEOUT_MS,
  prepareStoreDialects,
  STORE_DIALECTS,
  T0,
} from '../../test/store-databases.js'
import type { Tenant } from '../../test/store-builders.js'
import { aCharter, anAssessmentResult, aStoredProfile, aTenant } from '../../test/store-builders.js'
import { EXPORT_PAGE } from './workspace-export.js'
import type { WorkspaceExport } from './workspace-export-format.js'
import { WORKSPACE_EXPORT_SCHEMA } from './workspace-export-format.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

const ORGANIZATIONS = 600

/** An export of `count` organizations with 3 profile versions, 3 assessments and a charter each. */
function anExport(count: number, owner: string): WorkspaceExport {
  const organizations = Array.from({ length: count }, (_, i) => ({
    id: `o${i}`,
    name: `Org ${i}`,
    versions: [1, 2, 3].map((version) => ({
      version,
      profile: aStoredProfile({ name: `Org ${i}`, employees: 40 + version }),
      createdAt: T0,
      createdBy: owner,
    })),
  }))
  const assessments = organizations.flatMap((org) =>
    [1, 2, 3].map((version) => ({
      id: `${org.id}-a${version}`,
      organizationId: org.id,
      profileVersion: version,
      createdAt: `2026-01-01T09:00:0${version}.000Z`,
      createdBy: owner,
      result: anAssessmentResult(),
    })),
  )
  const charters = organizations.map((org) => ({
    id: `${org.id}-c`,
    assessmentId: `${org.id}-a3`,
    versions: [{ version: 1, charter: aCharter(), createdAt: T0, createdBy: owner }],
  }))
  return {
    schema: WORKSPACE_EXPORT_SCHEMA,
    exportedAt: T0,
    workspace: { id: 'w', name: 'Big' },
    organizations,
    assessments,
    charters,
    playbooks: [],
  }
}

// A scale test, not a timed one: the export is read a page at a time and other requests are served
// between the pages, whatever the workspace's size.
describe.each(STORE_DIALECTS)('workspace export at scale on %s', (dialect) => {
  let t: TestStore
  let a: Tenant

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
  })
  afterEach(() => t.dispose())

  it('streams in bounded chunks, answers reads in between, and reads back whole', async () => {
    const source = anExport(ORGANIZATIONS, a.owner.userId)
    const big = await t.store.workspaces.import(a.owner, source)
    let chunks = 0
    let largest = 0
    let readsDuring = 0
    let pending = false
    const parts: string[] = []
    for await (const chunk of t.store.workspaces.exportStream(big.id)) {
      chunks++
      largest = Math.max(largest, chunk.length)
      parts.push(chunk)
      // A read issued between two chunks resolves before the export ends.
      if (!pending) {
        pending = true
        void t.store.organizations.list(big.id, { limit: 10 }).then(() => {
          readsDuring++
          pending = false
        })
      }
    }
    // Organizations, three times as many assessments, and charters: at most EXPORT_PAGE to a chunk.
    expect(chunks).toBeGreaterThanOrEqual(
      Math.ceil(ORGANIZATIONS / EXPORT_PAGE) * 2 + Math.ceil((3 * ORGANIZATIONS) / EXPORT_PAGE),
    )
    const perItem = Math.max(
      ...source.assessments.slice(0, 1).map((x) => JSON.stringify(x).length),
      ...source.organizations.slice(0, 1).map((x) => JSON.stringify(x).length),
    )
    expect(largest).toBeLessThan(EXPORT_PAGE * perItem * 1.5)
    expect(readsDuring).toBeGreaterThan(1)

    const exported = JSON.parse(parts.join('')) as WorkspaceExport
    expect(exported.organizations).toHaveLength(ORGANIZATIONS)
    expect(exported.assessments).toHaveLength(3 * ORGANIZATIONS)
    expect(exported.charters).toHaveLength(ORGANIZATIONS)
    const byName = new Map(exported.organizations.map((o) => [o.name, o]))
    expect(byName.get('Org 7')?.versions.map((v) => [v.version, v.profile.employees])).toEqual([
      [1, 41],
      [2, 42],
      [3, 43],
    ])
    // Each organization's latest assessment (its third) is what the portfolio counts.
    const portfolio = await t.store.organizations.portfolio(big.id)
    expect(portfolio.assessed).toBe(ORGANIZATIONS)
  }, 120_000)

  it('answers NotFound for an unknown workspace before any chunk', async () => {
    await expect(t.store.workspaces.exportStream('nope').next()).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
