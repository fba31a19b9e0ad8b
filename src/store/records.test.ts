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
import type { Organization } from './store.js'
import { WORKSPACE_EXPORT_SCHEMA } from './store.js'

beforeAll(prepareStoreDialects, PGLITE_START_TIMEOUT_MS)
afterAll(closeSharedPglite)

describe.each(STORE_DIALECTS)('assessments, charters and playbooks on %s', (dialect) => {
  let t: TestStore
  let a: Tenant
  let b: Tenant
  let org: Organization

  beforeEach(async () => {
    t = await openTestStore(dialect)
    a = await aTenant(t.store, 'Ada')
    b = await aTenant(t.store, 'Bob')
    org = await t.store.organizations.create(a.owner, a.workspace.id, {
      profile: aStoredProfile({ name: 'Northwind' }),
    })
  })
  afterEach(() => t.dispose())

  it('stores an assessment with its profile version and playbook, summarized from the result', async () => {
    const result = anAssessmentResult({
      structure: 'separate-full-time',
      current: 'cto-owns-ai',
      antiPatterns: ['cto-can-handle-ai', 'roles-later'],
    })
    const record = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 1,
      result,
    })
    const summary = {
      id: record.id,
      workspaceId: a.workspace.id,
      organizationId: org.id,
      profileVersion: 1,
      playbook: result.playbook,
      structure: 'separate-full-time',
      antiPatterns: ['cto-can-handle-ai', 'roles-later'],
      currentStructure: 'cto-owns-ai',
      createdAt: T0,
      createdBy: a.owner.userId,
    }
    expect(record).toEqual({ ...summary, result })
    expect(await t.store.assessments.get(a.workspace.id, record.id)).toEqual(record)
    expect(await t.store.assessments.listForOrganization(a.workspace.id, org.id)).toEqual({
      items: [summary],
      nextCursor: null,
    })
    expect(await t.store.assessments.get(b.workspace.id, record.id)).toBeNull()
  })

  it('refuses an assessment of another workspace’s organization or of a missing profile version', async () => {
    const foreign = await t.store.organizations.create(b.owner, b.workspace.id, {
      profile: aStoredProfile(),
    })
    await expect(
      t.store.assessments.create(a.owner, a.workspace.id, {
        organizationId: foreign.id,
        profileVersion: 1,
        result: anAssessmentResult(),
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `profile version "${foreign.id}@1" does not exist`,
    })
    await expect(
      t.store.assessments.create(a.owner, a.workspace.id, {
        organizationId: org.id,
        profileVersion: 2,
        result: anAssessmentResult(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(
      (await t.store.assessments.listForOrganization(b.workspace.id, foreign.id)).items,
    ).toEqual([])
  })

  it('versions a charter, refuses a stale edit, and keeps the history', async () => {
    const assessment = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 1,
      result: anAssessmentResult(),
    })
    const created = await t.store.charters.create(a.owner, a.workspace.id, {
      assessmentId: assessment.id,
      charter: aCharter('R'),
    })
    expect(created).toEqual({
      id: created.id,
      workspaceId: a.workspace.id,
      assessmentId: assessment.id,
      organizationId: org.id,
      version: 1,
      charter: aCharter('R'),
      createdAt: T0,
      updatedAt: T0,
    })
    t.clock.advance(5000)
    const edited = await t.store.charters.update(a.owner, a.workspace.id, created.id, {
      charter: aCharter('A'),
      expectedVersion: 1,
    })
    expect(edited).toMatchObject({
      version: 2,
      charter: aCharter('A'),
      updatedAt: '2026-01-01T09:00:05.000Z',
    })
    await expect(
      t.store.charters.update(a.owner, a.workspace.id, created.id, {
        charter: aCharter('C'),
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `charter "${created.id}" is at version 2, not 1; reload and retry`,
    })
    const { items: versions } = await t.store.charters.versions(a.workspace.id, created.id)
    expect(versions.map((v) => [v.version, v.charter.rows[0]?.cells['CTO'], v.createdAt])).toEqual([
      [1, 'R', T0],
      [2, 'A', '2026-01-01T09:00:05.000Z'],
    ])
    expect(await t.store.charters.listForAssessment(a.workspace.id, assessment.id)).toEqual([
      edited,
    ])
  })

  it('does not let another workspace read, edit or derive a charter', async () => {
    const assessment = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 1,
      result: anAssessmentResult(),
    })
    const charter = await t.store.charters.create(a.owner, a.workspace.id, {
      assessmentId: assessment.id,
      charter: aCharter(),
    })
    expect(await t.store.charters.get(b.workspace.id, charter.id)).toBeNull()
    expect((await t.store.charters.versions(b.workspace.id, charter.id)).items).toEqual([])
    expect(await t.store.charters.listForAssessment(b.workspace.id, assessment.id)).toEqual([])
    await expect(
      t.store.charters.update(b.owner, b.workspace.id, charter.id, {
        charter: aCharter('I'),
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      t.store.charters.create(b.owner, b.workspace.id, {
        assessmentId: assessment.id,
        charter: aCharter(),
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `assessment "${assessment.id}" does not exist`,
    })
    expect((await t.store.charters.get(a.workspace.id, charter.id))?.version).toBe(1)
  })

  it('keeps each playbook upload as a revision and refuses a repeated version', async () => {
    const upload = (version: string) =>
      t.store.playbooks.create(a.owner, a.workspace.id, {
        playbookId: 'acme-playbook',
        version,
        mediaType: 'application/yaml',
        source: `id: acme-playbook\nversion: ${version}\n`,
        document: { id: 'acme-playbook', version },
      })
    const first = await upload('1.0.0')
    const second = await upload('1.1.0')
    expect([first.revision, second.revision]).toEqual([1, 2])
    await expect(upload('1.0.0')).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'playbook "acme-playbook" version "1.0.0" is already in this workspace; raise its version',
    })
    expect(await t.store.playbooks.find(a.workspace.id, 'acme-playbook')).toEqual(second)
    expect((await t.store.playbooks.find(a.workspace.id, 'acme-playbook', '1.0.0'))?.source).toBe(
      'id: acme-playbook\nversion: 1.0.0\n',
    )
    expect((await t.store.playbooks.list(a.workspace.id)).map((p) => p.version)).toEqual([
      '1.0.0',
      '1.1.0',
    ])
    expect(await t.store.playbooks.list(b.workspace.id)).toEqual([])
    expect(await t.store.playbooks.get(b.workspace.id, first.id)).toBeNull()
    expect(await t.store.playbooks.find(b.workspace.id, 'acme-playbook')).toBeNull()
  })

  it('numbers concurrent uploads of one playbook 1, 2, 3, 4 without a gap or a repeat', async () => {
    await Promise.all(
      ['1', '2', '3', '4'].map((version) =>
        t.store.playbooks.create(a.owner, a.workspace.id, {
          playbookId: 'busy',
          version,
          mediaType: 'application/json',
          source: '{}',
          document: {},
        }),
      ),
    )
    const revisions = (await t.store.playbooks.list(a.workspace.id)).map((p) => p.revision)
    expect(revisions).toEqual([1, 2, 3, 4])
  })

  it('exports a workspace and imports it as a new one with new ids and one audit row', async () => {
    await t.store.organizations.updateProfile(a.owner, a.workspace.id, org.id, {
      profile: aStoredProfile({ name: 'Northwind 2' }),
      expectedVersion: 1,
    })
    const assessment = await t.store.assessments.create(a.owner, a.workspace.id, {
      organizationId: org.id,
      profileVersion: 2,
      result: anAssessmentResult({ structure: 'cto-owns-ai', current: null, antiPatterns: [] }),
    })
    const charter = await t.store.charters.create(a.owner, a.workspace.id, {
      assessmentId: assessment.id,
      charter: aCharter('R'),
    })
    await t.store.charters.update(a.owner, a.workspace.id, charter.id, {
      charter: aCharter('A'),
      expectedVersion: 1,
    })
    await t.store.playbooks.create(a.owner, a.workspace.id, {
      playbookId: 'p',
      version: '1',
      mediaType: 'application/json',
      source: '{"id":"p","version":"1"}',
      document: { id: 'p', version: '1' },
    })
    const exported = await t.store.workspaces.export(a.workspace.id)
    expect(exported.schema).toBe(WORKSPACE_EXPORT_SCHEMA)
    expect(exported.organizations.map((o) => [o.name, o.versions.map((v) => v.version)])).toEqual([
      ['Northwind 2', [1, 2]],
    ])

    const copy = await t.store.workspaces.import(b.owner, exported)
    expect(copy.id).not.toBe(a.workspace.id)
    expect(await t.store.members.role(copy.id, b.owner.userId)).toBe('owner')
    const again = await t.store.workspaces.export(copy.id)
    const withoutIds = (data: typeof exported) => ({
      organizations: data.organizations.map((o) => ({ name: o.name, versions: o.versions })),
      assessments: data.assessments.map((x) => ({ ...x, id: null, organizationId: null })),
      charters: data.charters.map((c) => c.versions),
      playbooks: data.playbooks.map((p) => ({ ...p, id: null })),
    })
    expect(withoutIds(again)).toEqual(withoutIds(exported))
    expect(again.organizations[0]?.id).not.toBe(org.id)
    expect((await t.store.audit.list(copy.id)).map((row) => row.action)).toEqual([
      'workspace.import',
    ])
  })

  it('refuses an export whose assessment points at an organization it does not contain', async () => {
    const exported = await t.store.workspaces.export(a.workspace.id)
    const broken = {
      ...exported,
      assessments: [
        {
          id: 'x',
          organizationId: 'missing-org',
          profileVersion: 1,
          createdAt: T0,
          createdBy: a.owner.userId,
          result: anAssessmentResult(),
        },
      ],
    }
    await expect(t.store.workspaces.import(b.owner, broken)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [
        {
          field: 'assessments.0.organizationId',
          message: 'no organization "missing-org" in the export',
        },
      ],
    })
    expect((await t.store.workspaces.listForUser(b.owner.userId)).map((w) => w.id)).toEqual([
      b.workspace.id,
    ])
  })
})
