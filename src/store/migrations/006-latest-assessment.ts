import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Lists page by key instead of by count (docs/decisions.md, "Lists page by key"). Each organization
// keeps the summary of its newest assessment in its own row, written with the assessment: the
// portfolio then reads one row per organization, grouped on an index, instead of every assessment
// of the workspace, and the organizations list needs no second query. Existing rows are filled from
// the assessments table.

const LATEST = sql`(select a.id from assessments a
  where a.workspace_id = organizations.workspace_id and a.organization_id = organizations.id
  order by a.created_at desc, a.id desc limit 1)`

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'latest_assessment_id',
    'latest_structure',
    'latest_current_structure',
    'latest_anti_patterns',
    'latest_assessed_at',
  ]) {
    await db.schema.alterTable('organizations').addColumn(column, 'text').execute()
  }
  await sql`update organizations set latest_assessment_id = ${LATEST}`.execute(db)
  await sql`update organizations set
      latest_structure = (select structure from assessments where id = latest_assessment_id),
      latest_current_structure =
        (select current_structure from assessments where id = latest_assessment_id),
      latest_anti_patterns = (select anti_patterns from assessments where id = latest_assessment_id),
      latest_assessed_at = (select created_at from assessments where id = latest_assessment_id)
    where latest_assessment_id is not null`.execute(db)

  // Keyset order of the organizations list.
  await db.schema
    .createIndex('organizations_ws_name_id')
    .on('organizations')
    .columns(['workspace_id', 'name_key', 'id'])
    .execute()
  await db.schema.dropIndex('organizations_ws_name').execute()
  // The portfolio's counts: one covering index scan per workspace.
  await db.schema
    .createIndex('organizations_ws_latest')
    .on('organizations')
    .columns([
      'workspace_id',
      'latest_structure',
      'latest_current_structure',
      'latest_anti_patterns',
    ])
    .execute()
  // The portfolio's mismatches, in list order, without visiting the organizations that match.
  await db.schema
    .createIndex('organizations_ws_mismatch')
    .on('organizations')
    .columns(['workspace_id', 'name_key', 'id'])
    .where(
      sql<boolean>`latest_current_structure is not null and latest_current_structure <> latest_structure`,
    )
    .execute()
  // Keyset order of an organization's assessments, newest first.
  await db.schema
    .createIndex('assessments_ws_org_created_id')
    .on('assessments')
    .columns(['workspace_id', 'organization_id', 'created_at', 'id'])
    .execute()
  await db.schema.dropIndex('assessments_ws_org').execute()
}
