import type { ApiTokenStore } from './api-token-store.js'
import type { AssessmentStore } from './assessment-store.js'
import type { AuditStore } from './audit-store.js'
import type { CharterStore } from './charter-store.js'
import type { ImportJobStore } from './import-job-store.js'
import type { LoginThrottleStore } from './login-throttle-store.js'
import type { MemberStore } from './member-store.js'
import type { OrganizationStore } from './organization-store.js'
import type { PlaybookStore } from './playbook-store.js'
import type { RateLimitStore } from './rate-limit-store.js'
import type { SecurityLogStore } from './security-log-store.js'
import type { SessionStore } from './session-store.js'
import type { UserStore } from './user-store.js'
import type { WorkspaceStore } from './workspace-store.js'
import type {
  CalendarFeedStore,
  DecisionStore,
  InitiativeStore,
  MeetingStore,
  SeatStore,
  SignalAcknowledgementStore,
} from './operations-records.js'
import type { DemoStore } from './demo-store.js'
import type { InvitationStore } from './invitation-store.js'
import type { PasswordResetStore } from './password-reset-store.js'

// The persistence contract the server codes against. Every tenant-owned operation takes the
// workspace id as an argument, so a lookup by id alone cannot be written (reliability.md §A).
// Every mutation of tenant data takes an `actor` and writes exactly one audit row in the same
// transaction (§F). Mutable things carry a `version`; a stale `expectedVersion` throws
// `ConflictError` (code CONFLICT). A missing or foreign-workspace object throws `NotFoundError`
// (code NOT_FOUND) from mutations and returns `null` from `get*` lookups.

export type { User, UserStore } from './user-store.js'
export type { Session, SessionStore } from './session-store.js'
export type { ApiToken, ApiTokenStore } from './api-token-store.js'
export type { Workspace, WorkspaceWithRole, WorkspaceStore } from './workspace-store.js'
export type { Member, MemberStore } from './member-store.js'
export type {
  Organization,
  LatestAssessmentSummary,
  OrganizationSummary,
  ProfileVersion,
  OrganizationListQuery,
  Portfolio,
  OrganizationStore,
} from './organization-store.js'
export type {
  PlaybookRef,
  AssessmentSummary,
  AssessmentRecord,
  AssessmentStore,
} from './assessment-store.js'
export type { CharterRecord, CharterVersion, CharterStore } from './charter-store.js'
export type { PlaybookRecord, PlaybookSummary, PlaybookStore } from './playbook-store.js'
export type {
  ImportJob,
  ClaimedImportJob,
  ImportRowError,
  ImportJobStore,
} from './import-job-store.js'
export type { AuditRow, AuditStore } from './audit-store.js'
export type { SecurityEvent, SecurityLogStore } from './security-log-store.js'
export type { LoginThrottleStore } from './login-throttle-store.js'
export type { RateLimitStore } from './rate-limit-store.js'
export type { WorkspaceExport } from './workspace-export-format.js'
export { WORKSPACE_EXPORT_SCHEMA } from './workspace-export-format.js'
export type { Role } from '../contract/roles.js'
export { ROLES } from '../contract/roles.js'
export type { TokenScope } from '../contract/token-scopes.js'
export { TOKEN_SCOPES } from '../contract/token-scopes.js'
export type { ImportStatus } from '../contract/import-statuses.js'
export { IMPORT_STATUSES } from '../contract/import-statuses.js'

/** Who performs a change; recorded in the audit row. */
export interface Actor {
  readonly userId: string
}

/** ISO-8601 UTC timestamp, e.g. `2026-01-31T09:00:00.000Z`. */
export type Timestamp = string

/** Every list pages by key; new lists reuse `keysetPage` (keyset-page.ts). */
export type { KeysetPage, PageRequest } from './keyset-page.js'

export type Dialect = 'sqlite' | 'postgres'

export interface Store {
  readonly dialect: Dialect
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly apiTokens: ApiTokenStore
  readonly workspaces: WorkspaceStore
  readonly members: MemberStore
  readonly organizations: OrganizationStore
  readonly assessments: AssessmentStore
  readonly charters: CharterStore
  readonly playbooks: PlaybookStore
  readonly imports: ImportJobStore
  readonly audit: AuditStore
  readonly securityLog: SecurityLogStore
  readonly loginThrottle: LoginThrottleStore
  readonly rateLimits: RateLimitStore
  readonly invitations: InvitationStore
  readonly passwordResets: PasswordResetStore
  readonly demos: DemoStore
  readonly seats: SeatStore
  readonly initiatives: InitiativeStore
  readonly meetings: MeetingStore
  readonly decisions: DecisionStore
  readonly signalAcknowledgements: SignalAcknowledgementStore
  readonly calendarFeeds: CalendarFeedStore
  /**
   * Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE) and gives it the same interface.
   * Inside `fn`, use only the `tx` store: the outer one would wait for this transaction on SQLite.
   * Nested calls join the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  /**
   * Deletes what no longer counts: expired sessions (and, with `sessionIdleMs`, sessions unused
   * that long), failed logins older than `loginFailuresMs`, rate-limit windows that started more
   * than `rateLimitsMs` ago. Idempotent: any number of processes may call it periodically. Audit
   * and security logs are never pruned.
   */
  prune(options: {
    loginFailuresMs: number
    rateLimitsMs: number
    sessionIdleMs?: number
  }): Promise<{
    sessions: number
    loginFailures: number
    rateLimits: number
  }>
  /** Throws when the database cannot be reached (for `/readyz`). */
  ping(): Promise<void>
  /** An online, consistent copy of the database (SQLite `VACUUM INTO`); PostgreSQL: use pg_dump. */
  backupTo(path: string): Promise<void>
  close(): Promise<void>
}

export type { DemoStore, DemoWorkspace } from './demo-store.js'
export type {
  Invitation,
  InvitationLookup,
  InvitationStore,
  LinkStatus,
} from './invitation-store.js'
export type { PasswordReset, PasswordResetStore } from './password-reset-store.js'

export interface StoreOptions {
  /** Now, as a Date; defaults to the system clock. */
  readonly clock?: () => Date
  /** A new opaque id; defaults to a random UUID. */
  readonly newId?: () => string
}
