import type { Selectable } from 'kysely'
import type { Assessment } from '../engine/types.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, writeAudit } from './context.js'
import type { KeysetPage, PageRequest } from './keyset-page.js'
import { keysetPage } from './keyset-page.js'
import { recordLatestAssessment } from './organization-store.js'
import type { Tables } from './schema.js'
import type { Actor, Timestamp } from './store.js'

export interface PlaybookRef {
  readonly id: string
  readonly version: string
}

/** An immutable assessment as listed (no result). */
export interface AssessmentSummary {
  readonly id: string
  readonly workspaceId: string
  readonly organizationId: string
  readonly profileVersion: number
  readonly playbook: PlaybookRef
  readonly structure: string
  readonly antiPatterns: readonly string[]
  readonly currentStructure: string | null
  readonly createdAt: Timestamp
  readonly createdBy: string
}

export interface AssessmentRecord extends AssessmentSummary {
  readonly result: Assessment
}

export interface AssessmentStore {
  /** Throws NotFoundError when the organization or its profile version is not in the workspace. */
  create(
    actor: Actor,
    workspaceId: string,
    input: { organizationId: string; profileVersion: number; result: Assessment },
  ): Promise<AssessmentRecord>
  get(workspaceId: string, assessmentId: string): Promise<AssessmentRecord | null>
  /** Newest first. */
  listForOrganization(
    workspaceId: string,
    organizationId: string,
    page?: PageRequest,
  ): Promise<KeysetPage<AssessmentSummary>>
}

const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'organization_id',
  'profile_version',
  'playbook_id',
  'playbook_version',
  'structure',
  'current_structure',
  'anti_patterns',
  'created_at',
  'created_by',
] as const

/** Assessments are immutable: created, read, and deleted only with their organization. */
export function assessmentStore(ctx: StoreContext): AssessmentStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const version = await tx.db
          .selectFrom('profile_versions')
          .select('version')
          .where('workspace_id', '=', workspaceId)
          .where('organization_id', '=', input.organizationId)
          .where('version', '=', input.profileVersion)
          .executeTakeFirst()
        if (version === undefined) {
          throw new NotFoundError(
            'profile version',
            `${input.organizationId}@${input.profileVersion}`,
          )
        }
        const row = assessmentRow(tx, workspaceId, input, actor.userId, tx.now())
        await tx.db.insertInto('assessments').values(row).execute()
        await recordLatestAssessment(tx, row)
        const record = toAssessmentRecord(row)
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'assessment.create',
          target: `assessment:${row.id}`,
          before: null,
          after: {
            organizationId: record.organizationId,
            profileVersion: record.profileVersion,
            playbook: record.playbook,
            structure: record.structure,
          },
        })
        return record
      })
    },

    async get(workspaceId, assessmentId) {
      const row = await ctx.db
        .selectFrom('assessments')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', assessmentId)
        .executeTakeFirst()
      return row === undefined ? null : toAssessmentRecord(row)
    },

    async listForOrganization(workspaceId, organizationId, page = {}) {
      const query = ctx.db
        .selectFrom('assessments')
        .select(SUMMARY_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('organization_id', '=', organizationId)
      const result = await keysetPage(
        query,
        [
          ['created_at', 'created_at'],
          ['id', 'id'],
        ],
        'desc',
        page,
        { fallback: 100, max: 500 },
      )
      return { items: result.items.map(toAssessmentSummary), nextCursor: result.nextCursor }
    },
  }
}

/** The row of a new assessment; the summary columns are taken from the result itself. */
export function assessmentRow(
  ctx: StoreContext,
  workspaceId: string,
  input: { organizationId: string; profileVersion: number; result: Assessment },
  createdBy: string,
  createdAt: string,
): Selectable<Tables['assessments']> {
  const { result } = input
  return {
    id: ctx.newId(),
    workspace_id: workspaceId,
    organization_id: input.organizationId,
    profile_version: input.profileVersion,
    playbook_id: result.playbook.id,
    playbook_version: result.playbook.version,
    structure: result.recommendation.structure,
    current_structure: result.recommendation.change.from,
    anti_patterns: JSON.stringify(result.antiPatterns.map((finding) => finding.id)),
    result: JSON.stringify(result),
    created_at: createdAt,
    created_by: createdBy,
  }
}

function toAssessmentSummary(
  row: Pick<Selectable<Tables['assessments']>, (typeof SUMMARY_COLUMNS)[number]>,
): AssessmentSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    organizationId: row.organization_id,
    profileVersion: row.profile_version,
    playbook: { id: row.playbook_id, version: row.playbook_version },
    structure: row.structure,
    antiPatterns: JSON.parse(row.anti_patterns) as string[],
    currentStructure: row.current_structure,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}

function toAssessmentRecord(row: Selectable<Tables['assessments']>): AssessmentRecord {
  return { ...toAssessmentSummary(row), result: JSON.parse(row.result) as Assessment }
}
