import type { FieldIssue } from './api-error.js'
import type {
  ApiToken,
  CreatedInvitation,
  CreatedPasswordReset,
  Invitation,
  InvitationLookup,
  Joined,
  PasswordResetLink,
  PasswordResetLookup,
  AssessmentListItem,
  AssessmentRecord,
  Charter,
  CharterRecord,
  Classification,
  CreatedToken,
  ImportError,
  ImportJob,
  Me,
  Member,
  Organization,
  OrganizationPage,
  Portfolio,
  ProfileInput,
  ProfileVersion,
  PublicPlaybook,
  Role,
  TokenScope,
  User,
  WorkspaceRef,
} from './types.js'
import type { UseCase } from '../../engine/profile-schema.js'
import { formatPath, INVALID_VALUE } from '../../contract/issue.js'
import { ApiError } from './api-error.js'

// The one place the web app talks HTTP. Same origin, session cookie; every call returns parsed JSON
// or throws an ApiError carrying the server's stable code.

const BASE = '/api/v1'

type Body = { readonly json: unknown } | { readonly text: string; readonly type: string }

/** Sends one request to the API and parses its JSON answer. */
export async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  }
  if (body && 'json' in body) {
    init.body = JSON.stringify(body.json)
    init.headers = { ...init.headers, 'content-type': 'application/json' }
  } else if (body) {
    init.body = body.text
    init.headers = { ...init.headers, 'content-type': body.type }
  }
  const response = await fetch(`${BASE}${path}`, init)
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const data = text ? parseJson(text) : undefined
  if (!response.ok) throw toApiError(response.status, data)
  return data as T
}

const ws = (id: string): string => `/workspaces/${encodeURIComponent(id)}`
const enc = encodeURIComponent

/** The API v1 as typed functions, one per endpoint the app uses. */
export const api = {
  me: () => request<Me>('GET', '/me'),
  login: (email: string, password: string) =>
    request<{ user: User }>('POST', '/auth/login', { json: { email, password } }),
  demo: () => request<{ user: User }>('POST', '/auth/demo'),
  logout: () => request<void>('POST', '/auth/logout'),
  playbook: () => request<PublicPlaybook>('GET', '/playbook'),
  classify: (useCase: UseCase) => request<Classification>('POST', '/classify', { json: useCase }),

  tokens: () => request<ApiToken[]>('GET', '/tokens'),
  createToken: (name: string, scope: TokenScope, workspaceId: string | null) =>
    request<CreatedToken>('POST', '/tokens', { json: { name, scope, workspaceId } }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${enc(id)}`),

  workspaces: () => request<WorkspaceRef[]>('GET', '/workspaces'),
  createWorkspace: (name: string) =>
    request<WorkspaceRef>('POST', '/workspaces', { json: { name } }),
  members: (w: string) => request<Member[]>('GET', `${ws(w)}/members`),
  addMember: (w: string, email: string, role: Role) =>
    request<Member>('POST', `${ws(w)}/members`, { json: { email, role } }),
  setRole: (w: string, userId: string, role: Role) =>
    request<Member>('PATCH', `${ws(w)}/members/${enc(userId)}`, { json: { role } }),
  removeMember: (w: string, userId: string) =>
    request<void>('DELETE', `${ws(w)}/members/${enc(userId)}`),
  invitations: (w: string) => request<Invitation[]>('GET', `${ws(w)}/invitations`),
  invite: (w: string, email: string, role: Role) =>
    request<CreatedInvitation>('POST', `${ws(w)}/invitations`, { json: { email, role } }),
  revokeInvitation: (w: string, id: string) =>
    request<void>('DELETE', `${ws(w)}/invitations/${enc(id)}`),
  passwordResets: (w: string) => request<PasswordResetLink[]>('GET', `${ws(w)}/password-resets`),
  issuePasswordReset: (w: string, userId: string) =>
    request<CreatedPasswordReset>('POST', `${ws(w)}/members/${enc(userId)}/password-reset`),
  revokePasswordReset: (w: string, id: string) =>
    request<void>('DELETE', `${ws(w)}/password-resets/${enc(id)}`),

  // One-time links: the token is sent in the body, never in a URL.
  lookupInvitation: (token: string) =>
    request<InvitationLookup>('POST', '/invitations/lookup', { json: { token } }),
  acceptInvitation: (token: string, account: { name?: string; password?: string }) =>
    request<Joined>('POST', '/invitations/accept', { json: { token, ...account } }),
  lookupPasswordReset: (token: string) =>
    request<PasswordResetLookup>('POST', '/password-resets/lookup', { json: { token } }),
  completePasswordReset: (token: string, password: string) =>
    request<{ user: User }>('POST', '/password-resets/complete', { json: { token, password } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/auth/password', { json: { currentPassword, newPassword } }),
  setupCheck: (token: string) =>
    request<{ status: 'pending' | 'used' }>('POST', '/setup/check', { json: { token } }),
  setup: (input: { token: string; email: string; name?: string; password: string }) =>
    request<Joined>('POST', '/setup', { json: input }),

  organizations: (w: string, q: string, limit: number, after: string | null, count: boolean) =>
    request<OrganizationPage>(
      'GET',
      `${ws(w)}/organizations?${new URLSearchParams({
        q,
        limit: String(limit),
        ...(after === null ? {} : { after }),
        count: String(count),
      }).toString()}`,
    ),
  organization: (w: string, org: string) =>
    request<Organization>('GET', `${ws(w)}/organizations/${enc(org)}`),
  createOrganization: (w: string, profile: ProfileInput) =>
    request<Organization>('POST', `${ws(w)}/organizations`, { json: { profile } }),
  updateProfile: (w: string, org: string, profile: ProfileInput, expectedVersion: number) =>
    request<Organization>('PUT', `${ws(w)}/organizations/${enc(org)}/profile`, {
      json: { profile, expectedVersion },
    }),
  deleteOrganization: (w: string, org: string) =>
    request<void>('DELETE', `${ws(w)}/organizations/${enc(org)}`),
  versions: (w: string, org: string) =>
    request<ProfileVersion[]>('GET', `${ws(w)}/organizations/${enc(org)}/versions`),

  assess: (w: string, org: string, profileVersion?: number) =>
    request<AssessmentRecord>('POST', `${ws(w)}/organizations/${enc(org)}/assessments`, {
      json: profileVersion === undefined ? {} : { profileVersion },
    }),
  assessments: (w: string, org: string) =>
    request<AssessmentListItem[]>('GET', `${ws(w)}/organizations/${enc(org)}/assessments`),
  assessment: (w: string, id: string) =>
    request<AssessmentRecord>('GET', `${ws(w)}/assessments/${enc(id)}`),

  createCharter: (w: string, assessmentId: string) =>
    request<CharterRecord>('POST', `${ws(w)}/assessments/${enc(assessmentId)}/charter`),
  charter: (w: string, id: string) => request<CharterRecord>('GET', `${ws(w)}/charters/${enc(id)}`),
  saveCharter: (w: string, id: string, charter: Charter, expectedVersion: number) =>
    request<CharterRecord>('PUT', `${ws(w)}/charters/${enc(id)}`, {
      json: { charter, expectedVersion },
    }),

  startImport: (w: string, text: string, type: string) =>
    request<ImportJob>('POST', `${ws(w)}/imports`, { text, type }),
  importJob: (w: string, id: string) => request<ImportJob>('GET', `${ws(w)}/imports/${enc(id)}`),
  importErrors: (w: string, id: string) =>
    request<ImportError[]>('GET', `${ws(w)}/imports/${enc(id)}/errors`),

  portfolio: (w: string, after: string | null = null) =>
    request<Portfolio>(
      'GET',
      `${ws(w)}/portfolio${after === null ? '' : `?${new URLSearchParams({ after }).toString()}`}`,
    ),
}

/** Same-origin link to a download (the browser sends the session cookie with it). */
export function downloadUrl(path: string): string {
  return `${BASE}${path}`
}

export const links = {
  report: (w: string, id: string, format: 'html' | 'md' | 'json') =>
    downloadUrl(`${ws(w)}/assessments/${enc(id)}/report?format=${format}`),
  charterExport: (w: string, id: string, format: 'csv' | 'md' | 'json') =>
    downloadUrl(`${ws(w)}/charters/${enc(id)}/export?format=${format}`),
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function toApiError(status: number, data: unknown): ApiError {
  const error = isRecord(data) && isRecord(data.error) ? data.error : {}
  const code = typeof error.code === 'string' ? error.code : `HTTP_${status}`
  const message = typeof error.message === 'string' ? error.message : `Request failed (${status})`
  const issues: FieldIssue[] = Array.isArray(error.issues)
    ? error.issues.filter(isRecord).map((issue) => ({
        code: typeof issue.code === 'string' ? issue.code : INVALID_VALUE,
        path: Array.isArray(issue.path)
          ? formatPath(issue.path.filter(isPathKey))
          : typeof issue.path === 'string'
            ? issue.path
            : '',
        message: typeof issue.message === 'string' ? issue.message : 'is invalid',
      }))
    : []
  const requestId = typeof error.requestId === 'string' ? error.requestId : null
  return new ApiError(status, code, message, issues, requestId)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPathKey(key: unknown): key is string | number {
  return typeof key === 'string' || typeof key === 'number'
}
