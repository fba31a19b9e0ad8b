import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { Profile } from '../engine/profile-schema.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { assertUpdated, inWriteTransaction, pageOffset, writeAudit } from './context.js'
import type { KeysetPage } from './keyset-page.js'
import { keysetPage } from './keyset-page.js'
import type { Tables } from './schema.js'
import type { PageRequest } from './keyset-page.js'
import type { Actor, Timestamp } from './store.js'

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

export interface OrganizationListQuery extends PageRequest {
  /** Case-insensitive substring of the name. */
  readonly q?: string
  /** Rows to skip, for clients written before cursors; ignored with `after`. */
  readonly offset?: number
  /** Count the matching organizations too (one more query; off by default). */
  readonly count?: boolean
}

export interface Portfolio {
  /** Organizations with at least one assessment. */
  readonly assessed: number
  readonly byStructure: Readonly<Record<string, number>>
  readonly antiPatterns: readonly { readonly id: string; readonly count: number }[]
  readonly mismatches: readonly {
    readonly organizationId: string
    readonly name: string
    readonly current: string
    readonly recommended: string
  }[]
  /** Mismatches in the whole workspace; `mismatches` is one page of them, by name. */
  readonly mismatchTotal: number
  /** Cursor of the next page of mismatches; null on the last. */
  readonly nextCursor: string | null
}

export interface OrganizationStore {
  /** The name is the profile's `name`. */
  create(actor: Actor, workspaceId: string, input: { profile: Profile }): Promise<Organization>
  get(workspaceId: string, organizationId: string): Promise<Organization | null>
  list(
    workspaceId: string,
    query?: OrganizationListQuery,
  ): Promise<KeysetPage<OrganizationSummary> & { readonly total?: number }>
  updateProfile(
    actor: Actor,
    workspaceId: string,
    organizationId: string,
    input: { profile: Profile; expectedVersion: number },
  ): Promise<Organization>
  /** Oldest first. */
  versions(
    workspaceId: string,
    organizationId: string,
    page?: PageRequest,
  ): Promise<KeysetPage<ProfileVersion>>
  version(
    workspaceId: string,
    organizationId: string,
    version: number,
  ): Promise<ProfileVersion | null>
  /** Deletes the organization with its versions, assessments and charters. */
  delete(actor: Actor, workspaceId: string, organizationId: string): Promise<void>
  /** Counts over each organization's newest assessment; `page` pages the mismatches. */
  portfolio(workspaceId: string, page?: PageRequest): Promise<Portfolio>
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
      let rows = base.select(LIST_COLUMNS)
      // `offset` is kept for clients written before cursors; `after` is the cheap way to page.
      const offset = query.after === undefined ? pageOffset(query.offset) : 0
      if (offset > 0) rows = rows.offset(offset)
      const [page, count] = await Promise.all([
        keysetPage(rows, ORDER_BY_NAME, 'asc', query),
        query.count === true
          ? base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow()
          : undefined,
      ])
      return {
        items: page.items.map(toOrganizationSummary),
        nextCursor: page.nextCursor,
        ...(count === undefined ? {} : { total: Number(count.total) }),
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

    async versions(workspaceId, organizationId, page = {}) {
      const query = ctx.db
        .selectFrom('profile_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
      const result = await keysetPage(query, [['version', 'version']], 'asc', page, {
        fallback: 100,
        max: 500,
      })
      return { items: result.items.map(toProfileVersion), nextCursor: result.nextCursor }
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

    async portfolio(workspaceId, page = {}) {
      const assessed = ctx.db
        .selectFrom('organizations')
        .where('workspace_id', '=', workspaceId)
        .where('latest_structure', 'is not', null)
      const mismatches = ctx.db
        .selectFrom('organizations')
        .select(['id', 'name', 'name_key', 'latest_structure', 'latest_current_structure'])
        .where('workspace_id', '=', workspaceId)
        .where(
          sql<boolean>`latest_current_structure is not null and latest_current_structure <> latest_structure`,
        )
      const [groups, mismatchPage] = await Promise.all([
        assessed
          .select((eb) => [
            'latest_structure',
            'latest_current_structure',
            'latest_anti_patterns',
            eb.fn.countAll().as('count'),
          ])
          .groupBy(['latest_structure', 'latest_current_structure', 'latest_anti_patterns'])
          .execute(),
        keysetPage(mismatches, ORDER_BY_NAME, 'asc', page),
      ])
      return summarize(groups, mismatchPage)
    },
  }
}

const LIST_COLUMNS = [
  'id',
  'name',
  'name_key',
  'profile_version',
  'updated_at',
  'latest_assessment_id',
  'latest_structure',
  'latest_current_structure',
  'latest_anti_patterns',
  'latest_assessed_at',
] as const

/** The organizations list's order: by name, case-insensitive, then id. */
const ORDER_BY_NAME = [
  ['name_key', 'name_key'],
  ['id', 'id'],
] as const

function toOrganizationSummary(
  row: Pick<Selectable<Tables['organizations']>, (typeof LIST_COLUMNS)[number]>,
): OrganizationSummary {
  return {
    id: row.id,
    name: row.name,
    profileVersion: row.profile_version,
    updatedAt: row.updated_at,
    latestAssessment:
      row.latest_assessment_id === null
        ? null
        : {
            id: row.latest_assessment_id,
            structure: row.latest_structure ?? '',
            antiPatterns: JSON.parse(row.latest_anti_patterns ?? '[]') as string[],
            currentStructure: row.latest_current_structure,
            createdAt: row.latest_assessed_at ?? '',
          },
  }
}

/**
 * Keeps an organization's newest-assessment summary in its row; call in the transaction that
 * inserts the assessment. An assessment older than the one recorded leaves the row as it is.
 */
export async function recordLatestAssessment(
  ctx: StoreContext,
  row: Pick<
    Selectable<Tables['assessments']>,
    | 'id'
    | 'workspace_id'
    | 'organization_id'
    | 'structure'
    | 'current_structure'
    | 'anti_patterns'
    | 'created_at'
  >,
): Promise<void> {
  await ctx.db
    .updateTable('organizations')
    .set({
      latest_assessment_id: row.id,
      latest_structure: row.structure,
      latest_current_structure: row.current_structure,
      latest_anti_patterns: row.anti_patterns,
      latest_assessed_at: row.created_at,
    })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.organization_id)
    .where(
      sql<boolean>`(latest_assessed_at is null or (latest_assessed_at, latest_assessment_id) < (${row.created_at}, ${row.id}))`,
    )
    .execute()
}

/** Sets every organization's newest-assessment summary of a workspace from its assessments (import). */
export async function refreshLatestAssessments(
  ctx: StoreContext,
  workspaceId: string,
): Promise<void> {
  await sql`update organizations set latest_assessment_id = (select a.id from assessments a
      where a.workspace_id = organizations.workspace_id and a.organization_id = organizations.id
      order by a.created_at desc, a.id desc limit 1)
    where workspace_id = ${workspaceId}`.execute(ctx.db)
  await sql`update organizations set
      latest_structure = (select structure from assessments where id = latest_assessment_id),
      latest_current_structure =
        (select current_structure from assessments where id = latest_assessment_id),
      latest_anti_patterns = (select anti_patterns from assessments where id = latest_assessment_id),
      latest_assessed_at = (select created_at from assessments where id = latest_assessment_id)
    where workspace_id = ${workspaceId} and latest_assessment_id is not null`.execute(ctx.db)
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
    latest_assessment_id: null,
    latest_structure: null,
    latest_current_structure: null,
    latest_anti_patterns: null,
    latest_assessed_at: null,
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

function summarize(
  groups: readonly {
    latest_structure: string | null
    latest_current_structure: string | null
    latest_anti_patterns: string | null
    count: string | number | bigint
  }[],
  mismatchPage: KeysetPage<{
    id: string
    name: string
    latest_structure: string | null
    latest_current_structure: string | null
  }>,
): Portfolio {
  const byStructure: Record<string, number> = {}
  const antiPatterns = new Map<string, number>()
  let assessed = 0
  let mismatchTotal = 0
  for (const group of groups) {
    const count = Number(group.count)
    const structure = group.latest_structure ?? ''
    assessed += count
    byStructure[structure] = (byStructure[structure] ?? 0) + count
    for (const id of JSON.parse(group.latest_anti_patterns ?? '[]') as string[]) {
      antiPatterns.set(id, (antiPatterns.get(id) ?? 0) + count)
    }
    if (group.latest_current_structure !== null && group.latest_current_structure !== structure) {
      mismatchTotal += count
    }
  }
  return {
    assessed,
    byStructure,
    antiPatterns: [...antiPatterns]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    mismatchTotal,
    mismatches: mismatchPage.items.map((row) => ({
      organizationId: row.id,
      name: row.name,
      current: row.latest_current_structure ?? '',
      recommended: row.latest_structure ?? '',
    })),
    nextCursor: mismatchPage.nextCursor,
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
