import type { Selectable } from 'kysely'
import { ConflictError } from '../errors/conflict-error.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction, isUniqueViolation, lockWorkspace, writeAudit } from './context.js'
import type { Tables } from './schema.js'
import type { Actor, Timestamp } from './store.js'

export interface PlaybookRecord {
  readonly id: string
  readonly workspaceId: string
  /** The playbook's own id and version, from the document. */
  readonly playbookId: string
  readonly version: string
  /** Upload order per `playbookId` inside the workspace: 1, 2, ... */
  readonly revision: number
  readonly mediaType: string
  /** The uploaded text, kept verbatim. */
  readonly source: string
  /** The parsed document, ready for `compilePlaybook`. */
  readonly document: unknown
  readonly createdAt: Timestamp
  readonly createdBy: string
}

export type PlaybookSummary = Omit<PlaybookRecord, 'source' | 'document'>

export interface PlaybookStore {
  /** Throws ConflictError when this playbookId + version is already in the workspace. */
  create(
    actor: Actor,
    workspaceId: string,
    input: {
      playbookId: string
      version: string
      mediaType: string
      source: string
      document: unknown
    },
  ): Promise<PlaybookRecord>
  list(workspaceId: string): Promise<readonly PlaybookSummary[]>
  get(workspaceId: string, id: string): Promise<PlaybookRecord | null>
  /** The latest upload of `playbookId` (or that exact `version`) in the workspace. */
  find(workspaceId: string, playbookId: string, version?: string): Promise<PlaybookRecord | null>
}

/** Custom playbooks per workspace; each upload is kept, unique by playbook id and version. */
export function playbookStore(ctx: StoreContext): PlaybookStore {
  return {
    create(actor, workspaceId, input) {
      return inWriteTransaction(ctx, async (tx) => {
        const row = await insertPlaybook(tx, workspaceId, {
          ...input,
          createdAt: tx.now(),
          createdBy: actor.userId,
        })
        await writeAudit(tx, {
          actor,
          workspaceId,
          action: 'playbook.create',
          target: `playbook:${row.id}`,
          before: null,
          after: { playbookId: row.playbook_id, version: row.version, revision: row.revision },
        })
        return toPlaybookRecord(row)
      })
    },

    async list(workspaceId) {
      const rows = await ctx.db
        .selectFrom('playbooks')
        .select([
          'id',
          'workspace_id',
          'playbook_id',
          'version',
          'revision',
          'media_type',
          'created_at',
          'created_by',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('playbook_id')
        .orderBy('revision')
        .execute()
      return rows.map(toPlaybookSummary)
    },

    async get(workspaceId, id) {
      const row = await ctx.db
        .selectFrom('playbooks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row === undefined ? null : toPlaybookRecord(row)
    },

    async find(workspaceId, playbookId, version) {
      let query = ctx.db
        .selectFrom('playbooks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('playbook_id', '=', playbookId)
      if (version !== undefined) query = query.where('version', '=', version)
      const row = await query.orderBy('revision', 'desc').limit(1).executeTakeFirst()
      return row === undefined ? null : toPlaybookRecord(row)
    },
  }
}

/** Inserts the next revision of a playbook, without an audit row (callers write it). */
export async function insertPlaybook(
  ctx: StoreContext,
  workspaceId: string,
  input: {
    playbookId: string
    version: string
    mediaType: string
    source: string
    document: unknown
    createdAt: string
    createdBy: string
  },
): Promise<Selectable<Tables['playbooks']>> {
  await lockWorkspace(ctx, workspaceId)
  const previous = await ctx.db
    .selectFrom('playbooks')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('workspace_id', '=', workspaceId)
    .where('playbook_id', '=', input.playbookId)
    .executeTakeFirst()
  const row = {
    id: ctx.newId(),
    workspace_id: workspaceId,
    playbook_id: input.playbookId,
    version: input.version,
    revision: Number(previous?.revision ?? 0) + 1,
    media_type: input.mediaType,
    source: input.source,
    document: JSON.stringify(input.document),
    created_at: input.createdAt,
    created_by: input.createdBy,
  }
  try {
    await ctx.db.insertInto('playbooks').values(row).execute()
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `playbook "${input.playbookId}" version "${input.version}" is already in this workspace; raise its version`,
        error,
      )
    }
    throw error
  }
  return row
}

function toPlaybookSummary(
  row: Omit<Selectable<Tables['playbooks']>, 'source' | 'document'>,
): PlaybookSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    playbookId: row.playbook_id,
    version: row.version,
    revision: row.revision,
    mediaType: row.media_type,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}

function toPlaybookRecord(row: Selectable<Tables['playbooks']>): PlaybookRecord {
  return {
    ...toPlaybookSummary(row),
    source: row.source,
    document: JSON.parse(row.document) as unknown,
  }
}
