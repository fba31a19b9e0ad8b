import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { Profile } from '../engine/profile-schema.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { assertUpdated, inWriteTransaction, pageLimit, pageOffset, writeAudit } from './context.js'
import type { Tables } from './schema.js'
import type { Actor, Page, Timestamp } from './store.js'

export interface Organization {
  readonly id: string
  readonly workspaceId: string
  readonly name: string
  /** Also the optimistic-concurrency version of the organization. */
  readonly profileVersion: number
  readonly profile: Profile
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface LatestAssessmentSummary {
  readonly id: string
  readonly structure: string
  readonly antiPatterns: readonly string[]
  readonly currentStructure: string | null
  readonly createdAt: Timestamp
}

export interface OrganizationSummary {
  readonly id: string
  readonly name: string
  readonly profileVersion: number
  readonly updatedAt: Timestamp
  readonly latestAssessment: LatestAssessmentSummary | null
}

export interface ProfileVersion {
  readonly version: number
  readonly profile: Profile
  readonly createdAt: Timestamp
  readonly createdBy: string
}

export interface OrganizationListQuery extends Page {
  /** Case-insensitive substring of the name. */
  readonly q?: string
}

export interface Portfolio {
  readonly byStructure: Readonly<Record<string, number>>
  readonly antiPatterns: readonly { readonly id: string; readonly count: number }[]
  readonly mismatches: readonly {
    readonly organizationId: string
    readonly name: string
    readonly current: string
    readonly recommended: string
  }[]
}

export interface OrganizationStore {
  /** The name is the profile's `name`. */
  create(actor: Actor, workspaceId: string, input: { profile: Profile }): Promise<Organization>
  get(workspaceId: string, organizationId: string): Promise<Organization | null>
  list(
    workspaceId: string,
    query?: OrganizationListQuery,
  ): Promise<{ items: readonly OrganizationSummary[]; total: number }>
  updateProfile(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: { profile: Profile; expectedVersion: number },
  ): Promise<Organization>
  versions(workspaceId: string, organizationId: string): Promise<readonly ProfileVersion[]>
  version(
    workspaceId: string,
    organizationId: string,
    version: number,
  ): Promise<ProfileVersion | null>
  /** Deletes the organization with its versions, assessments and charters. */
  delete(actor: Actor, workspaceId: string, organizationId: string): Promise<void>
  portfolio(workspaceId: string): Promise<Portfolio>
}

export function organizationStore(ctx: StoreContext): OrganizationStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const row = await insertOrganization(tx, workspaceId, input.profile, actor.userId)
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'organization.create',
          target: `organization:${row.id}`,
          before: null,
          after: { name: row.name, profileVersion: 1, profile: input.profile },
        })
        return toOrganization(row)
      })
    },

    async get(workspaceId, organizationId) {
      const row = await findRow(ctx, workspaceId, organizationId)
      return row === undefined ? null : toOrganization(row)
    },

    async list(workspaceId, query = {}) {
      let base = ctx.db.selectFrom('organizations').where('workspace_id', '=', workspaceId)
      const q = query.q?.trim().toLowerCase()
      if (q !== undefined && q !== '') {
        base = base.where(sql<boolean>`name_key like ${`%${escapeLike(q)}%`} escape '\\'`)
      }
      const [rows, count] = await Promise.all([
        base
          .select(['id', 'name', 'profile_version', 'updated_at'])
          .orderBy('name_key')
          .orderBy('id')
          .limit(pageLimit(query.limit))
          .offset(pageOffset(query.offset))
          .execute(),
        base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      ])
      const latest = await latestAssessments(
        ctx,
        workspaceId,
        rows.map((row) => row.id),
      )
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          profileVersion: row.profile_version,
          updatedAt: row.updated_at,
          latestAssessment: latest.get(row.id) ?? null,
        })),
        total: Number(count.total),
      }
    },

    updateProfile(actor, workspaceId, organizationId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const current = await findRow(tx, workspaceId, organizationId)
        if (current === undefined) throw new NotFoundError('organization', organizationId)
        const now = tx.now()
        const next = {
          ...current,
          name: input.profile.name,
          name_key: input.profile.name.toLowerCase(),
          profile_version: current.profile_version + 1,
          profile: JSON.stringify(input.profile),
          updated_at: now,
        }
        const result = await tx.db
          .updateTable('organizations')
          .set({
            name: next.name,
            name_key: next.name_key,
            profile_version: next.profile_version,
            profile: next.profile,
            updated_at: now,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', organizationId)
          .where('profile_version', '=', input.expectedVersion)
          .executeTakeFirst()
        assertUpdated(
          result.numUpdatedRows,
          'organization',
          organizationId,
          input.expectedVersion,
          current.profile_version,
        )
        await tx.db
          .insertInto('profile_versions')
          .values({
            workspace_id: workspaceId,
            organization_id: organizationId,
            version: next.profile_version,
            profile: next.profile,
            created_at: now,
            created_by: actor.userId,
          })
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'organization.update',
          target: `organization:${organizationId}`,
          before: {
            profileVersion: current.profile_version,
            profile: JSON.parse(current.profile) as unknown,
          },
          after: { profileVersion: next.profile_version, profile: input.profile },
        })
        return toOrganization(next)
      })
    },

    async versions(workspaceId, organizationId) {
      const rows = await ctx.db
        .selectFrom('profile_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .orderBy('version')
        .execute()
      return rows.map(toProfileVersion)
    },

    async version(workspaceId, organizationId, version) {
      const row = await ctx.db
        .selectFrom('profile_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
        .where('version', '=', version)
        .executeTakeFirst()
      return row === undefined ? null : toProfileVersion(row)
    },

    delete(actor, workspaceId, organizationId) {
      return inWriteTransaction(ctx, async (tx) => {
        const current = await findRow(tx, workspaceId, organizationId)
        if (current === undefined) throw new NotFoundError('organization', organizationId)
        await tx.db
          .deleteFrom('organizations')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', organizationId)
          .execute()
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'organization.delete',
          target: `organization:${organizationId}`,
          before: { name: current.name, profileVersion: current.profile_version },
          after: null,
        })
      })
    },

    async portfolio(workspaceId) {
      const organizations = await ctx.db
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('name_key')
        .orderBy('id')
        .execute()
      const latest = await latestAssessments(ctx, workspaceId)
      return summarize(organizations, latest)
    },
  }
}

/** Inserts an organization at profile version 1, without an audit row (callers write it). */
export async function insertOrganization(
  ctx: StoreContext,
  workspaceId: string,
  profile: Profile,
  createdBy: string,
  history: readonly { profile: Profile; createdAt: string; createdBy: string }[] = [
    { profile, createdAt: ctx.now(), createdBy },
  ],
): Promise<Selectable<Tables['organizations']>> {
  const first = history[0]
  const last = history[history.length - 1]
  if (first === undefined || last === undefined) throw new Error('an organization needs a profile')
  const row = {
    id: ctx.newId(),
    workspace_id: workspaceId,
    name: last.profile.name,
    name_key: last.profile.name.toLowerCase(),
    profile_version: history.length,
    profile: JSON.stringify(last.profile),
    created_at: first.createdAt,
    updated_at: last.createdAt,
  }
  await ctx.db.insertInto('organizations').values(row).execute()
  await ctx.db
    .insertInto('profile_versions')
    .values(
      history.map((entry, index) => ({
        workspace_id: workspaceId,
        organization_id: row.id,
        version: index + 1,
        profile: JSON.stringify(entry.profile),
        created_at: entry.createdAt,
        created_by: entry.createdBy,
      })),
    )
    .execute()
  return row
}

async function findRow(
  ctx: StoreContext,
  workspaceId: string,
  organizationId: string,
): Promise<Selectable<Tables['organizations']> | undefined> {
  return ctx.db
    .selectFrom('organizations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', organizationId)
    .executeTakeFirst()
}

/** The newest assessment of each organization (of `organizationIds` when given). */
async function latestAssessments(
  ctx: StoreContext,
  workspaceId: string,
  organizationIds?: readonly string[],
): Promise<Map<string, LatestAssessmentSummary>> {
  if (organizationIds?.length === 0) return new Map()
  let query = ctx.db
    .selectFrom('assessments')
    .select([
      'id',
      'organization_id',
      'structure',
      'anti_patterns',
      'current_structure',
      'created_at',
    ])
    .where('workspace_id', '=', workspaceId)
  if (organizationIds !== undefined) query = query.where('organization_id', 'in', organizationIds)
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  const latest = new Map<string, LatestAssessmentSummary>()
  for (const row of rows) {
    if (latest.has(row.organization_id)) continue
    latest.set(row.organization_id, {
      id: row.id,
      structure: row.structure,
      antiPatterns: JSON.parse(row.anti_patterns) as string[],
      currentStructure: row.current_structure,
      createdAt: row.created_at,
    })
  }
  return latest
}

function summarize(
  organizations: readonly { id: string; name: string }[],
  latest: Map<string, LatestAssessmentSummary>,
): Portfolio {
  const byStructure: Record<string, number> = {}
  const antiPatterns = new Map<string, number>()
  const mismatches: Portfolio['mismatches'][number][] = []
  for (const organization of organizations) {
    const assessment = latest.get(organization.id)
    if (assessment === undefined) continue
    byStructure[assessment.structure] = (byStructure[assessment.structure] ?? 0) + 1
    for (const id of assessment.antiPatterns) antiPatterns.set(id, (antiPatterns.get(id) ?? 0) + 1)
    if (
      assessment.currentStructure !== null &&
      assessment.currentStructure !== assessment.structure
    ) {
      mismatches.push({
        organizationId: organization.id,
        name: organization.name,
        current: assessment.currentStructure,
        recommended: assessment.structure,
      })
    }
  }
  return {
    byStructure,
    antiPatterns: [...antiPatterns]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    mismatches,
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export function toOrganization(row: Selectable<Tables['organizations']>): Organization {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    profileVersion: row.profile_version,
    profile: JSON.parse(row.profile) as Profile,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toProfileVersion(row: Selectable<Tables['profile_versions']>): ProfileVersion {
  return {
    version: row.version,
    profile: JSON.parse(row.profile) as Profile,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}
