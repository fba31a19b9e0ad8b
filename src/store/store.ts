import type { Assessment, Charter } from '../engine/types.js'
import type { Profile } from '../engine/profile-schema.js'
import type { DemoStore } from './demo-store.js'
import type { InvitationStore } from './invitation-store.js'
import type { PasswordResetStore } from './password-reset-store.js'

// The persistence contract the server codes against. Every tenant-owned operation takes the
// workspace id as an argument, so a lookup by id alone cannot be written (reliability.md §A).
// Every mutation of tenant data takes an `actor` and writes exactly one audit row in the same
// transaction (§F). Mutable things carry a `version`; a stale `expectedVersion` throws
// `ConflictError` (code CONFLICT). A missing or foreign-workspace object throws `NotFoundError`
// (code NOT_FOUND) from mutations and returns `null` from `get*` lookups.

export const ROLES = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** `read`: safe methods only; `write`: everything the user's role allows (reliability.md §B). */
export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

/** Who performs a change; recorded in the audit row. */
export interface Actor {
  readonly userId: string
}

/** ISO-8601 UTC timestamp, e.g. `2026-01-31T09:00:00.000Z`. */
export type Timestamp = string

export interface User {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly passwordHash: string
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface Session {
  /** What the server stores for the cookie: a hash of the random cookie value, never the value. */
  readonly id: string
  readonly userId: string
  readonly createdAt: Timestamp
  readonly lastSeenAt: Timestamp
  /** Absolute expiry; the idle timeout is checked by the server against `lastSeenAt`. */
  readonly expiresAt: Timestamp
}

export interface ApiToken {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly tokenHash: string
  readonly scope: TokenScope
  /** The one workspace the token may reach; null: every workspace of the user. */
  readonly workspaceId: string | null
  readonly createdAt: Timestamp
  readonly lastUsedAt: Timestamp | null
}

export interface Workspace {
  readonly id: string
  readonly name: string
  readonly version: number
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface WorkspaceWithRole extends Workspace {
  readonly role: Role
}

export interface Member {
  readonly workspaceId: string
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly createdAt: Timestamp
}

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

export interface CharterRecord {
  readonly id: string
  readonly workspaceId: string
  readonly assessmentId: string
  readonly organizationId: string
  readonly version: number
  readonly charter: Charter
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface CharterVersion {
  readonly version: number
  readonly charter: Charter
  readonly createdAt: Timestamp
  readonly createdBy: string
}

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

export interface ImportJob {
  readonly id: string
  readonly workspaceId: string
  readonly mediaType: string
  readonly status: ImportStatus
  readonly total: number
  readonly processed: number
  readonly accepted: number
  readonly refused: number
  /** Why the whole job failed (status `failed`); row problems are in the job's errors. */
  readonly failure: string | null
  readonly createdAt: Timestamp
  readonly createdBy: string
  readonly startedAt: Timestamp | null
  readonly finishedAt: Timestamp | null
  readonly leaseOwner: string | null
  readonly leaseExpiresAt: Timestamp | null
}

/** A job as claimed by a worker, with its payload. */
export interface ClaimedImportJob extends ImportJob {
  readonly payload: string
}

export interface ImportRowError {
  readonly row: number
  readonly field: string
  readonly message: string
}

export interface AuditRow {
  readonly id: string
  readonly at: Timestamp
  readonly actorId: string
  readonly workspaceId: string
  readonly action: string
  readonly target: string
  readonly before: unknown
  readonly after: unknown
}

export interface SecurityEvent {
  readonly id: string
  readonly at: Timestamp
  /** e.g. `login.failed`, `login.throttled`, `access.denied`, `password.changed`. */
  readonly kind: string
  readonly userId: string | null
  readonly email: string | null
  readonly ip: string | null
  readonly workspaceId: string | null
  readonly detail: unknown
}

export interface Page {
  readonly limit?: number
  readonly offset?: number
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

export const WORKSPACE_EXPORT_SCHEMA = 'tandem/workspace-export@1'

/** The whole workspace, for backup or moving; ids are the source workspace's. */
export interface WorkspaceExport {
  readonly schema: typeof WORKSPACE_EXPORT_SCHEMA
  readonly exportedAt: Timestamp
  readonly workspace: { readonly id: string; readonly name: string }
  readonly organizations: readonly {
    readonly id: string
    readonly name: string
    readonly versions: readonly ProfileVersion[]
  }[]
  readonly assessments: readonly {
    readonly id: string
    readonly organizationId: string
    readonly profileVersion: number
    readonly createdAt: Timestamp
    readonly createdBy: string
    readonly result: Assessment
  }[]
  readonly charters: readonly {
    readonly id: string
    readonly assessmentId: string
    readonly versions: readonly CharterVersion[]
  }[]
  readonly playbooks: readonly {
    readonly id: string
    readonly playbookId: string
    readonly version: string
    readonly mediaType: string
    readonly source: string
    readonly document: unknown
    readonly createdAt: Timestamp
    readonly createdBy: string
  }[]
}

export interface UserStore {
  /** Throws ConflictError when the email (case-insensitive) is taken. */
  create(input: { email: string; name: string; passwordHash: string }): Promise<User>
  get(userId: string): Promise<User | null>
  findByEmail(email: string): Promise<User | null>
  setPasswordHash(userId: string, passwordHash: string): Promise<void>
  /** How many accounts exist: zero means the first owner is still to be created. */
  count(): Promise<number>
}

export interface SessionStore {
  create(input: { id: string; userId: string; expiresAt: Timestamp }): Promise<Session>
  /** The session and its user; null when absent or past its absolute expiry. */
  find(sessionId: string): Promise<{ session: Session; user: User } | null>
  touch(sessionId: string): Promise<void>
  delete(sessionId: string): Promise<void>
  /** Ends every session of the user except `keepSessionId` (password change). */
  deleteForUser(userId: string, keepSessionId?: string): Promise<number>
  deleteExpired(): Promise<number>
}

export interface ApiTokenStore {
  /** `scope` defaults to `write` and `workspaceId` to null: the rights tokens had before scopes. */
  create(input: {
    userId: string
    name: string
    tokenHash: string
    scope?: TokenScope
    workspaceId?: string | null
  }): Promise<ApiToken>
  list(userId: string): Promise<readonly ApiToken[]>
  findByHash(tokenHash: string): Promise<{ token: ApiToken; user: User } | null>
  touch(tokenId: string): Promise<void>
  /** Throws NotFoundError when the token is not the user's. */
  delete(userId: string, tokenId: string): Promise<void>
}

export interface WorkspaceStore {
  /** Creates the workspace with the actor as owner. */
  create(actor: Actor, input: { name: string }): Promise<Workspace>
  get(workspaceId: string): Promise<Workspace | null>
  listForUser(userId: string): Promise<readonly WorkspaceWithRole[]>
  rename(
    actor: Actor,
    workspaceId: string,
    input: { name: string; expectedVersion: number },
  ): Promise<Workspace>
  export(workspaceId: string): Promise<WorkspaceExport>
  /** Recreates an export as a new workspace owned by the actor, with new ids throughout. */
  import(actor: Actor, data: WorkspaceExport): Promise<Workspace>
}

export interface MemberStore {
  /** The member's role, or null for a non-member: the authorization check of every request. */
  role(workspaceId: string, userId: string): Promise<Role | null>
  list(workspaceId: string): Promise<readonly Member[]>
  /** Throws ConflictError when already a member, NotFoundError for an unknown user. */
  add(actor: Actor, workspaceId: string, input: { userId: string; role: Role }): Promise<Member>
  /** Throws ConflictError when it would leave the workspace without an owner. */
  setRole(actor: Actor, workspaceId: string, userId: string, role: Role): Promise<Member>
  /** Throws ConflictError when it would leave the workspace without an owner. */
  remove(actor: Actor, workspaceId: string, userId: string): Promise<void>
}

export interface OrganizationListQuery extends Page {
  /** Case-insensitive substring of the name. */
  readonly q?: string
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
  ): Promise<readonly AssessmentSummary[]>
}

export interface CharterStore {
  /** Throws NotFoundError when the assessment is not in the workspace. */
  create(
    actor: Actor,
    workspaceId: string,
    input: { assessmentId: string; charter: Charter },
  ): Promise<CharterRecord>
  get(workspaceId: string, charterId: string): Promise<CharterRecord | null>
  listForAssessment(workspaceId: string, assessmentId: string): Promise<readonly CharterRecord[]>
  update(
    actor: Actor,
    workspaceId: string,
    charterId: string,
    input: { charter: Charter; expectedVersion: number },
  ): Promise<CharterRecord>
  versions(workspaceId: string, charterId: string): Promise<readonly CharterVersion[]>
}

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

export interface ImportJobStore {
  create(
    actor: Actor,
    workspaceId: string,
    input: { mediaType: string; payload: string; total: number },
  ): Promise<ImportJob>
  get(workspaceId: string, jobId: string): Promise<ImportJob | null>
  /** Row errors, in row order; NotFoundError when the job is not in the workspace. */
  errors(workspaceId: string, jobId: string): Promise<readonly ImportRowError[]>
  /**
   * Atomically takes the oldest queued job (or one whose worker's lease ran out) for `workerId`,
   * so each job is processed by exactly one worker across processes. Null when none is waiting.
   */
  claim(workerId: string, leaseMs: number): Promise<ClaimedImportJob | null>
  /**
   * Records a processed chunk: `processed`, `accepted` and `refused` are the job's running totals
   * after the chunk (not increments), `errors` the chunk's new row errors. Call inside
   * `transaction()` together with the rows' own writes, so a resumed job continues exactly after
   * the last committed chunk. Renews the lease. Throws ConflictError when the worker no longer
   * holds the lease.
   */
  recordProgress(
    workspaceId: string,
    jobId: string,
    input: {
      workerId: string
      leaseMs: number
      processed: number
      accepted: number
      refused: number
      errors: readonly ImportRowError[]
    },
  ): Promise<ImportJob>
  /** Ends the job as `done` or `failed`. Throws ConflictError when the lease is lost. */
  finish(
    workspaceId: string,
    jobId: string,
    input: { workerId: string; status: 'done' | 'failed'; failure?: string },
  ): Promise<ImportJob>
}

export interface AuditStore {
  /** Newest first; `before` is an audit row id (exclusive) for paging. */
  list(
    workspaceId: string,
    query?: { limit?: number; before?: string },
  ): Promise<readonly AuditRow[]>
}

export interface SecurityLogStore {
  append(event: Omit<SecurityEvent, 'id' | 'at'>): Promise<SecurityEvent>
  list(query?: { limit?: number; kind?: string }): Promise<readonly SecurityEvent[]>
}

/** Failed-login counters in the database, so every server process sees the same count. */
export interface LoginThrottleStore {
  /** Records one failure for each key (e.g. `account:a@b.c`, `ip:1.2.3.4`); returns counts in the window. */
  recordFailure(keys: readonly string[], windowMs: number): Promise<readonly number[]>
  failures(key: string, windowMs: number): Promise<number>
  /** Forgets a key's failures (after a successful login). */
  reset(key: string): Promise<void>
}

/** Fixed-window request counters in the database, shared by every server process. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: Timestamp }>
  reset(key: string): Promise<void>
}

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
