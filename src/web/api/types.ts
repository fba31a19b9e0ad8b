import type { Assessment, Charter, Classification } from '../../engine/types.js'
import type { Profile, ProfileInput } from '../../engine/profile-schema.js'
import type { QuestionDefinition } from '../../engine/playbook-schema.js'
import type { ClassifierQuestions } from '../../engine/stakes/classifier-questions.js'
import type { TodaySection } from '../../engine/today-schema.js'
import type { StructureId } from '../../engine/vocabulary.js'

// Response shapes of the HTTP API v1 (docs/api.md). The web app reads these and nothing else.

import type { Role } from '../../contract/roles.js'
import type { TokenScope } from '../../contract/token-scopes.js'

export { ROLES } from '../../contract/roles.js'
export type { Role } from '../../contract/roles.js'
export { TOKEN_SCOPES } from '../../contract/token-scopes.js'
export type { TokenScope } from '../../contract/token-scopes.js'

export interface User {
  readonly id: string
  readonly email: string
  readonly name: string
}

export interface WorkspaceRef {
  readonly id: string
  readonly name: string
  readonly role: Role
}

export interface Me {
  readonly user: User
  readonly workspaces: readonly WorkspaceRef[]
}

export interface Member {
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly role: Role
}

export interface ApiToken {
  readonly id: string
  readonly name: string
  readonly scope: TokenScope
  /** The one workspace the token reaches; null: all of yours. */
  readonly workspaceId: string | null
  readonly createdAt: string
  readonly lastUsedAt: string | null
}

export interface CreatedToken extends Omit<ApiToken, 'lastUsedAt'> {
  readonly token: string
}

export interface LatestAssessment {
  readonly id: string
  readonly structure: StructureId
  readonly antiPatterns: readonly string[]
  readonly currentStructure: string | null
  readonly createdAt: string
}

export interface OrganizationSummary {
  readonly id: string
  readonly name: string
  readonly profileVersion: number
  readonly updatedAt: string
  readonly latestAssessment: LatestAssessment | null
}

export interface OrganizationPage {
  readonly items: readonly OrganizationSummary[]
  /** The next page's cursor (`after`); null on the last page. */
  readonly nextCursor: string | null
  /** Only when asked for (`count=true`). */
  readonly total?: number
}

export interface Organization {
  readonly id: string
  readonly name: string
  readonly profileVersion: number
  readonly profile: Profile
  readonly updatedAt?: string
}

export interface ProfileVersion {
  readonly version: number
  readonly profile: Profile
  readonly createdAt: string
  readonly createdBy: string | null
}

export interface AssessmentRecord {
  readonly id: string
  readonly organizationId: string
  readonly profileVersion: number
  readonly playbook: { readonly id: string; readonly version: string }
  readonly createdAt: string
  readonly createdBy: string | null
  readonly result: Assessment
}

export interface AssessmentListItem extends Omit<AssessmentRecord, 'result'> {
  readonly structure: StructureId
}

export interface CharterRecord {
  readonly id: string
  readonly assessmentId: string
  readonly organizationId: string
  readonly version: number
  readonly charter: Charter
  readonly updatedAt: string
}

export const IMPORT_FORMATS = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  // JSON is YAML 1.2, so a JSON document (one profile or an array) goes through the YAML reader.
  json: 'application/yaml',
} as const

export interface ImportJob {
  readonly id: string
  readonly status: string
  readonly total: number
  readonly processed: number
  readonly accepted: number
  readonly refused: number
}

export interface ImportError {
  readonly row: number
  readonly field: string | null
  readonly message: string
}

export interface Portfolio {
  readonly assessed: number
  readonly byStructure: Readonly<Record<string, number>>
  readonly antiPatterns: readonly { readonly id: string; readonly count: number }[]
  readonly mismatches: readonly {
    readonly organizationId: string
    readonly name: string
    readonly current: string | null
    readonly recommended: string
  }[]
  readonly mismatchTotal: number
  /** The next page of mismatches (`after`); null on the last. */
  readonly nextCursor: string | null
}

/** One entry of the playbook's questionnaire (the same the CLI asks); option values may be numbers. */
export type { QuestionDefinition }

export interface PublicPlaybook {
  readonly id: string
  readonly version: string
  readonly questionnaire: readonly QuestionDefinition[]
  readonly today: TodaySection | null
  readonly classifier: ClassifierQuestions | null
  readonly structures: readonly {
    readonly id: string
    readonly label: string
    readonly seats: unknown
  }[]
}

export type { Assessment, Charter, Classification, Profile, ProfileInput }

export type { LinkStatus } from '../../contract/link-statuses.js'
import type { LinkStatus } from '../../contract/link-statuses.js'

/** A pending invitation (never its token). */
export interface Invitation {
  readonly id: string
  readonly email: string
  readonly role: Role
  readonly status: LinkStatus
  readonly createdAt: string
  readonly createdBy: string
  readonly expiresAt: string
}

/** An invitation just made: the only answer that carries its one-time link. */
export interface CreatedInvitation extends Invitation {
  readonly link: string
  readonly emailed: boolean
}

export interface PasswordResetLink {
  readonly id: string
  readonly userId: string
  readonly email: string
  readonly status: LinkStatus
  readonly createdAt: string
  readonly createdBy: string
  readonly expiresAt: string
}

export interface CreatedPasswordReset extends PasswordResetLink {
  readonly link: string
}

export interface InvitationLookup {
  readonly status: LinkStatus
  readonly invitation?: {
    readonly email: string
    readonly role: Role
    readonly workspaceName: string
    readonly invitedBy: string
    readonly expiresAt: string
    readonly accountExists: boolean
    readonly signedIn: boolean
  }
}

export interface Joined {
  readonly user: User
  readonly workspace: WorkspaceRef
}

export interface PasswordResetLookup {
  readonly status: LinkStatus
  readonly reset?: { readonly email: string; readonly expiresAt: string }
}
