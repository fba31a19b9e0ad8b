import type { Generated } from 'kysely'
import type { OperationsTables } from './operations-schema.js'
import { OPERATIONS_TENANT_TABLES } from './operations-schema.js'

// Table types for Kysely. Timestamps are ISO-8601 UTC text and JSON is text on both dialects,
// so the same migrations and queries serve SQLite and PostgreSQL byte for byte.

export interface Tables extends OperationsTables {
  users: {
    id: string
    email: string
    email_key: string
    name: string
    password_hash: string
    created_at: string
    updated_at: string
  }
  sessions: {
    id: string
    user_id: string
    created_at: string
    last_seen_at: string
    expires_at: string
  }
  api_tokens: {
    id: string
    user_id: string
    name: string
    token_hash: string
    scope: string
    workspace_id: string | null
    created_at: string
    last_used_at: string | null
  }
  workspaces: {
    id: string
    name: string
    version: number
    created_at: string
    updated_at: string
  }
  memberships: {
    workspace_id: string
    user_id: string
    role: string
    created_at: string
  }
  organizations: {
    id: string
    workspace_id: string
    name: string
    name_key: string
    profile_version: number
    profile: string
    created_at: string
    updated_at: string
    /** The newest assessment's summary, kept with it (migration 006); null before any. */
    latest_assessment_id: string | null
    latest_structure: string | null
    latest_current_structure: string | null
    latest_anti_patterns: string | null
    latest_assessed_at: string | null
  }
  profile_versions: {
    workspace_id: string
    organization_id: string
    version: number
    profile: string
    created_at: string
    created_by: string
  }
  assessments: {
    id: string
    workspace_id: string
    organization_id: string
    profile_version: number
    playbook_id: string
    playbook_version: string
    structure: string
    current_structure: string | null
    anti_patterns: string
    result: string
    created_at: string
    created_by: string
  }
  charters: {
    id: string
    workspace_id: string
    assessment_id: string
    organization_id: string
    version: number
    charter: string
    created_at: string
    updated_at: string
  }
  charter_versions: {
    workspace_id: string
    charter_id: string
    version: number
    charter: string
    created_at: string
    created_by: string
  }
  playbooks: {
    id: string
    workspace_id: string
    playbook_id: string
    version: string
    revision: number
    media_type: string
    source: string
    document: string
    created_at: string
    created_by: string
  }
  import_jobs: {
    id: string
    workspace_id: string
    media_type: string
    payload: string
    status: string
    total: number
    processed: number
    accepted: number
    refused: number
    failure: string | null
    created_at: string
    created_by: string
    started_at: string | null
    finished_at: string | null
    lease_owner: string | null
    lease_expires_at: string | null
  }
  import_errors: {
    seq: Generated<number | string>
    workspace_id: string
    job_id: string
    row: number
    field: string
    message: string
  }
  audit_log: {
    seq: Generated<number | string>
    workspace_id: string
    at: string
    actor_id: string
    action: string
    target: string
    before: string | null
    after: string | null
  }
  security_log: {
    id: string
    at: string
    kind: string
    user_id: string | null
    email: string | null
    ip: string | null
    workspace_id: string | null
    detail: string | null
  }
  login_failures: {
    seq: Generated<number | string>
    key: string
    at: string
  }
  invitations: {
    id: string
    workspace_id: string
    email: string
    email_key: string
    role: string
    token_hash: string
    created_at: string
    created_by: string
    expires_at: string
    accepted_at: string | null
    accepted_by: string | null
    revoked_at: string | null
  }
  password_resets: {
    id: string
    workspace_id: string
    user_id: string
    token_hash: string
    created_at: string
    created_by: string
    expires_at: string
    used_at: string | null
    revoked_at: string | null
  }
  demo_workspaces: {
    workspace_id: string
    user_id: string
    max_changes: number
    created_at: string
  }
  rate_limits: {
    key: string
    window_start: string
    count: number
  }
}

/** Tables whose rows belong to one workspace: each has a non-null, indexed `workspace_id`. */
export const TENANT_TABLES = [
  'memberships',
  'organizations',
  'profile_versions',
  'assessments',
  'charters',
  'charter_versions',
  'playbooks',
  'import_jobs',
  'import_errors',
  'audit_log',
  'invitations',
  'password_resets',
  'demo_workspaces',
  ...OPERATIONS_TENANT_TABLES,
] as const
