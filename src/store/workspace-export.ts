import type { Profile } from '../engine/profile-schema.js'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import { assessmentRow } from './assessment-store.js'
import { insertCharter, toCharterVersion } from './charter-store.js'
import type { StoreContext } from './context.js'
import { writeAudit } from './context.js'
import { insertOrganization, refreshLatestAssessments } from './organization-store.js'
import { insertPlaybook } from './playbook-store.js'
import type { Actor } from './store.js'
import type { WorkspaceExport } from './workspace-export-format.js'
import { WORKSPACE_EXPORT_SCHEMA } from './workspace-export-format.js'
import type { Workspace } from './workspace-store.js'
import { toWorkspace } from './workspace-store.js'

/** Everything in a workspace (not its members or audit trail), as `tandem/workspace-export@1`. */
export async function exportWorkspace(
  ctx: StoreContext,
  workspaceId: string,
): Promise<WorkspaceExport> {
  const workspace = await ctx.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', workspaceId)
    .executeTakeFirst()
  if (workspace === undefined) throw new NotFoundError('workspace', workspaceId)
  const db = ctx.db
  const [organizations, versions, assessments, charters, charterVersions, playbooks] =
    await Promise.all([
      db
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('profile_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('version')
        .execute(),
      db
        .selectFrom('assessments')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('charters')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('charter_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('version')
        .execute(),
      db
        .selectFrom('playbooks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('playbook_id')
        .orderBy('revision')
        .execute(),
    ])
  return {
    schema: WORKSPACE_EXPORT_SCHEMA,
    exportedAt: ctx.now(),
    workspace: { id: workspace.id, name: workspace.name },
    organizations: organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      versions: versions
        .filter((version) => version.organization_id === organization.id)
        .map((version) => ({
          version: version.version,
          profile: JSON.parse(version.profile) as Profile,
          createdAt: version.created_at,
          createdBy: version.created_by,
        })),
    })),
    assessments: assessments.map((assessment) => ({
      id: assessment.id,
      organizationId: assessment.organization_id,
      profileVersion: assessment.profile_version,
      createdAt: assessment.created_at,
      createdBy: assessment.created_by,
      result: JSON.parse(assessment.result) as WorkspaceExport['assessments'][number]['result'],
    })),
    charters: charters.map((charter) => ({
      id: charter.id,
      assessmentId: charter.assessment_id,
      versions: charterVersions
        .filter((version) => version.charter_id === charter.id)
        .map(toCharterVersion),
    })),
    playbooks: playbooks.map((playbook) => ({
      id: playbook.id,
      playbookId: playbook.playbook_id,
      version: playbook.version,
      mediaType: playbook.media_type,
      source: playbook.source,
      document: JSON.parse(playbook.document) as unknown,
      createdAt: playbook.created_at,
      createdBy: playbook.created_by,
    })),
  }
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
    },
  })
  return toWorkspace(workspace)
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`invalid workspace export: ${field}: ${message}`, [
    { field, message },
  ])
}
