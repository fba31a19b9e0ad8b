import type { SelectQueryBuilder } from 'kysely'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { assessmentRow } from './assessment-store.js'
import { insertCharter } from './charter-store.js'
import type { StoreContext } from './context.js'
import { writeAudit } from './context.js'
import { keysetPage } from './keyset-page.js'
import { insertOrganization, refreshLatestAssessments } from './organization-store.js'
import { insertPlaybook } from './playbook-store.js'
import { importOperations, meetingPages, registerPages } from './operations-export.js'
import type { Actor } from './store.js'
import type { WorkspaceExport } from './workspace-export-format.js'
import { WORKSPACE_EXPORT_SCHEMA } from './workspace-export-format.js'
import type { Workspace } from './workspace-store.js'
import { toWorkspace } from './workspace-store.js'

/** Rows read per query while exporting: small enough to keep memory flat and the server answering. */
export const EXPORT_PAGE = 200

/**
 * Everything in a workspace (not its members or audit trail), as `tandem/workspace-export@1`, written
 * as JSON text a page of rows at a time: memory stays flat whatever the workspace's size, every row
 * is read once (an organization's versions and a charter's versions are fetched for the page of their
 * parents, by key), and the event loop gets a turn between pages, so other requests are answered
 * during a long export. A row that refers to one the export did not hold (written while the export
 * ran) is left out, so references inside the export stay whole. Stored JSON columns (profiles, results, charters) are copied as they are.
 */
export async function* streamWorkspaceExport(
  ctx: StoreContext,
  workspaceId: string,
): AsyncGenerator<string> {
  const workspace = await ctx.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', workspaceId)
    .executeTakeFirst()
  if (workspace === undefined) throw new NotFoundError('workspace', workspaceId)
  const exportedAt = ctx.now()
  const seen: Seen = { organizations: new Map(), assessments: new Set() }
  yield `{"schema":${JSON.stringify(WORKSPACE_EXPORT_SCHEMA)},"exportedAt":${JSON.stringify(exportedAt)},"workspace":${JSON.stringify({ id: workspace.id, name: workspace.name })}`
  for (const [name, section] of EXPORT_SECTIONS) {
    yield `,${JSON.stringify(name)}:[`
    let first = true
    for await (const items of section(ctx, workspaceId, seen)) {
      if (items.length === 0) continue
      yield `${first ? '' : ','}${items.join(',')}`
      first = false
      // A turn for the requests waiting behind this export (SQLite answers synchronously).
      await new Promise((resolve) => setImmediate(resolve))
    }
    yield ']'
  }
  yield '}'
}

/** One array of the export: pages of its items, each item already as JSON text. */
type ExportSection = (
  ctx: StoreContext,
  workspaceId: string,
  seen: Seen,
) => AsyncIterable<readonly string[]>

/** What the export holds so far: organization ids with their last version, assessment ids. */
interface Seen {
  readonly organizations: Map<string, number>
  readonly assessments: Set<string>
}

/** The export's arrays, in the order an import needs them (parents before what refers to them). */
const EXPORT_SECTIONS: readonly (readonly [string, ExportSection])[] = [
  ['organizations', organizationPages],
  ['assessments', assessmentPages],
  ['charters', charterPages],
  ['playbooks', playbookPages],
  [
    'register',
    (ctx, workspaceId, seen) => registerPages(ctx, workspaceId, seen.organizations.keys()),
  ],
  [
    'meetings',
    (ctx, workspaceId, seen) => meetingPages(ctx, workspaceId, seen.organizations.keys()),
  ],
]

const text = JSON.stringify

async function* organizationPages(
  ctx: StoreContext,
  workspaceId: string,
  seen: Seen,
): AsyncIterable<readonly string[]> {
  const query = ctx.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
  for await (const page of pagesOf(query, [['id', 'id']], EXPORT_PAGE)) {
    if (page.length === 0) continue
    const versions = await ctx.db
      .selectFrom('profile_versions')
      .select(['organization_id', 'version', 'profile', 'created_at', 'created_by'])
      .where('workspace_id', '=', workspaceId)
      .where(
        'organization_id',
        'in',
        page.map((row) => row.id),
      )
      .orderBy('organization_id')
      .orderBy('version')
      .execute()
    const byOrganization = groupBy(versions, (row) => row.organization_id)
    for (const row of page) {
      seen.organizations.set(row.id, byOrganization.get(row.id)?.at(-1)?.version ?? 0)
    }
    yield page.map(
      (row) =>
        `{"id":${text(row.id)},"name":${text(row.name)},"versions":[${(
          byOrganization.get(row.id) ?? []
        )
          .map(
            (version) =>
              `{"version":${version.version},"profile":${version.profile},"createdAt":${text(version.created_at)},"createdBy":${text(version.created_by)}}`,
          )
          .join(',')}]}`,
    )
  }
}

async function* assessmentPages(
  ctx: StoreContext,
  workspaceId: string,
  seen: Seen,
): AsyncIterable<readonly string[]> {
  // Keys first, on the (workspace_id, id) index alone; then the page's rows with their results. One
  // query with the results would let the planner read and sort every result of the workspace for
  // each page (measured: 31× the time for 10× the organizations).
  const ids = ctx.db.selectFrom('assessments').select('id').where('workspace_id', '=', workspaceId)
  for await (const idPage of pagesOf(ids, [['id', 'id']], EXPORT_PAGE)) {
    if (idPage.length === 0) continue
    const page = await ctx.db
      .selectFrom('assessments')
      .select(['id', 'organization_id', 'profile_version', 'created_at', 'created_by', 'result'])
      .where('workspace_id', '=', workspaceId)
      .where(
        'id',
        'in',
        idPage.map((row) => row.id),
      )
      .orderBy('id')
      .execute()
    const held = page.filter(
      (row) => row.profile_version <= (seen.organizations.get(row.organization_id) ?? 0),
    )
    for (const row of held) seen.assessments.add(row.id)
    yield held.map(
      (row) =>
        `{"id":${text(row.id)},"organizationId":${text(row.organization_id)},"profileVersion":${row.profile_version},"createdAt":${text(row.created_at)},"createdBy":${text(row.created_by)},"result":${row.result}}`,
    )
  }
}

async function* charterPages(
  ctx: StoreContext,
  workspaceId: string,
  seen: Seen,
): AsyncIterable<readonly string[]> {
  const query = ctx.db
    .selectFrom('charters')
    .select(['id', 'assessment_id'])
    .where('workspace_id', '=', workspaceId)
  for await (const page of pagesOf(query, [['id', 'id']], EXPORT_PAGE)) {
    if (page.length === 0) continue
    const versions = await ctx.db
      .selectFrom('charter_versions')
      .select(['charter_id', 'version', 'charter', 'created_at', 'created_by'])
      .where('workspace_id', '=', workspaceId)
      .where(
        'charter_id',
        'in',
        page.map((row) => row.id),
      )
      .orderBy('charter_id')
      .orderBy('version')
      .execute()
    const byCharter = groupBy(versions, (row) => row.charter_id)
    yield page
      .filter((row) => seen.assessments.has(row.assessment_id) && byCharter.has(row.id))
      .map(
        (row) =>
          `{"id":${text(row.id)},"assessmentId":${text(row.assessment_id)},"versions":[${(
            byCharter.get(row.id) ?? []
          )
            .map(
              (version) =>
                `{"version":${version.version},"charter":${version.charter},"createdAt":${text(version.created_at)},"createdBy":${text(version.created_by)}}`,
            )
            .join(',')}]}`,
      )
  }
}

async function* playbookPages(
  ctx: StoreContext,
  workspaceId: string,
  _seen: Seen,
): AsyncIterable<readonly string[]> {
  const query = ctx.db.selectFrom('playbooks').selectAll().where('workspace_id', '=', workspaceId)
  // Revisions in order: the import numbers them again in the order it reads them.
  const keys = [
    ['playbook_id', 'playbook_id'],
    ['revision', 'revision'],
  ] as const
  for await (const page of pagesOf(query, keys, 20)) {
    yield page.map(
      (row) =>
        `{"id":${text(row.id)},"playbookId":${text(row.playbook_id)},"version":${text(row.version)},"mediaType":${text(row.media_type)},"source":${text(row.source)},"document":${row.document},"createdAt":${text(row.created_at)},"createdBy":${text(row.created_by)}}`,
    )
  }
}

/** Every page of a keyset-ordered query, one after the other. */
async function* pagesOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly (readonly [column: string, field: keyof O])[],
  limit: number,
): AsyncIterable<readonly O[]> {
  let after: string | null | undefined
  while (after !== null) {
    const page = await keysetPage(
      query,
      keys,
      'asc',
      {
        limit,
        ...(after === undefined ? {} : { after }),
      },
      { max: limit },
    )
    yield page.items
    after = page.nextCursor
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(key(row))
    if (group === undefined) groups.set(key(row), [row])
    else group.push(row)
  }
  return groups
}

/** The whole export as one value (tests, small workspaces); the server streams it instead. */
export async function exportWorkspace(
  ctx: StoreContext,
  workspaceId: string,
): Promise<WorkspaceExport> {
  const parts: string[] = []
  for await (const part of streamWorkspaceExport(ctx, workspaceId)) parts.push(part)
  return JSON.parse(parts.join('')) as WorkspaceExport
}

/**
 * Recreates an export as a new workspace owned by the actor, with new ids throughout, in the
 * caller's transaction. References inside the export are checked; one audit row is written.
 */
export async function importWorkspace(
  tx: StoreContext,
  actor: Actor,
  data: WorkspaceExport,
): Promise<Workspace> {
  const now = tx.now()
  const workspace = {
    id: tx.newId(),
    name: data.workspace.name,
    version: 1,
    created_at: now,
    updated_at: now,
  }
  await tx.db.insertInto('workspaces').values(workspace).execute()
  await tx.db
    .insertInto('memberships')
    .values({ workspace_id: workspace.id, user_id: actor.userId, role: 'owner', created_at: now })
    .execute()

  const organizationIds = new Map<string, { id: string; versions: number }>()
  for (const [index, organization] of data.organizations.entries()) {
    if (organization.versions.length === 0) {
      throw invalid(`organizations.${index}.versions`, 'expected at least one profile version')
    }
    const row = await insertOrganization(
      tx,
      workspace.id,
      organization.versions[0]!.profile,
      actor.userId,
      organization.versions,
    )
    organizationIds.set(organization.id, { id: row.id, versions: organization.versions.length })
  }

  const assessmentIds = new Map<string, { id: string; organization_id: string }>()
  for (const [index, assessment] of data.assessments.entries()) {
    const organization = organizationIds.get(assessment.organizationId)
    if (organization === undefined) {
      throw invalid(
        `assessments.${index}.organizationId`,
        `no organization "${assessment.organizationId}" in the export`,
      )
    }
    if (assessment.profileVersion < 1 || assessment.profileVersion > organization.versions) {
      throw invalid(
        `assessments.${index}.profileVersion`,
        `organization "${assessment.organizationId}" has no profile version ${assessment.profileVersion}`,
      )
    }
    const row = assessmentRow(
      tx,
      workspace.id,
      {
        organizationId: organization.id,
        profileVersion: assessment.profileVersion,
        result: assessment.result,
      },
      assessment.createdBy,
      assessment.createdAt,
    )
    await tx.db.insertInto('assessments').values(row).execute()
    assessmentIds.set(assessment.id, { id: row.id, organization_id: organization.id })
  }

  await refreshLatestAssessments(tx, workspace.id)

  for (const [index, charter] of data.charters.entries()) {
    const assessment = assessmentIds.get(charter.assessmentId)
    if (assessment === undefined) {
      throw invalid(
        `charters.${index}.assessmentId`,
        `no assessment "${charter.assessmentId}" in the export`,
      )
    }
    if (charter.versions.length === 0) {
      throw invalid(`charters.${index}.versions`, 'expected at least one charter version')
    }
    await insertCharter(tx, workspace.id, assessment, charter.versions)
  }

  for (const playbook of data.playbooks) {
    await insertPlaybook(tx, workspace.id, playbook)
  }

  const operations = await importOperations(
    tx,
    workspace.id,
    new Map([...organizationIds].map(([from, to]) => [from, to.id])),
    data.register ?? [],
    data.meetings ?? [],
  )

  await writeAudit(tx, {
    actor,
    workspaceId: workspace.id,
    action: 'workspace.import',
    target: `workspace:${workspace.id}`,
    before: null,
    after: {
      name: workspace.name,
      from: data.workspace.id,
      organizations: data.organizations.length,
      assessments: data.assessments.length,
      charters: data.charters.length,
      playbooks: data.playbooks.length,
      ...operations,
    },
  })
  return toWorkspace(workspace)
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`invalid workspace export: ${field}: ${message}`, [
    { field, message },
  ])
}
