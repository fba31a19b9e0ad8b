// Table types of Operate's tables (migration 005-operations), merged into `Tables`.

interface Child {
  workspace_id: string
}

export interface OperationsTables {
  seat_assignments: Child & {
    organization_id: string
    id: string
    seat: string
    member_id: string
    role: string
    from_date: string
    to_date: string | null
    position: number
  }
  operation_settings: Child & {
    organization_id: string
    seats_version: number
    updated_at: string
  }
  initiatives: Child & {
    organization_id: string
    id: string
    title: string
    stage: string
    stage_since: string
    owner_seat: string | null
    owner_member_id: string | null
    archived: number
    doc: string
    version: number
    created_at: string
    created_by: string
    updated_at: string
  }
  stage_moves: Child & {
    initiative_id: string
    id: string
    seq: number
    at: string
    from_stage: string | null
    to_stage: string
    kind: string
    reason: string | null
    actor_id: string
    seat: string | null
    member_id: string | null
    skipped: string
  }
  lens_reviews: Child & {
    initiative_id: string
    id: string
    lens: string
    seat: string
    member_id: string
    at: string
    review: string
  }
  measurements: Child & {
    initiative_id: string
    id: string
    at: string
    value: number
    note: string | null
    visibility: string
    created_at: string
    created_by: string
  }
  gate_overrides: Child & {
    initiative_id: string
    id: string
    stage_move_id: string
    from_stage: string
    to_stage: string
    items: string
    reason: string
    seat: string
    member_id: string
    at: string
  }
  gate_acknowledgements: Child & {
    initiative_id: string
    id: string
    to_stage: string
    items: string
    note: string | null
    seat: string
    member_id: string
    at: string
  }
  meetings: Child & {
    organization_id: string
    id: string
    date: string
    status: string
    kind: string
    archived: number
    doc: string
    version: number
    created_at: string
    created_by: string
    updated_at: string
  }
  decisions: Child & {
    meeting_id: string
    id: string
    organization_id: string
    position: number
    text: string
    owner_seat: string | null
    owner_member_id: string | null
    due: string | null
    status: string
    archived: number
    doc: string
    version: number
    created_at: string
    created_by: string
    updated_at: string
  }
  signal_acknowledgements: Child & {
    organization_id: string
    id: string
    key: string
    reason: string
    until: string | null
    by: string
    at: string
  }
  calendar_feeds: Child & {
    organization_id: string
    id: string
    secret_hash: string
    audience: string
    created_at: string
    created_by: string
    revoked_at: string | null
  }
  member_calendar_feeds: {
    id: string
    user_id: string
    secret_hash: string
    created_at: string
    revoked_at: string | null
  }
}

/** Operate's tenant tables (all but the per-member calendar feeds). */
export const OPERATIONS_TENANT_TABLES = [
  'seat_assignments',
  'operation_settings',
  'initiatives',
  'stage_moves',
  'lens_reviews',
  'measurements',
  'gate_overrides',
  'gate_acknowledgements',
  'meetings',
  'decisions',
  'signal_acknowledgements',
  'calendar_feeds',
] as const
