import type { Role } from '../../contract/roles.js'
import type { TokenScope } from '../../contract/token-scopes.js'

/** Who is calling, resolved once per request by authenticate.ts. */
export interface AuthContext {
  readonly user: { readonly id: string; readonly email: string; readonly name: string } | null
  readonly via: 'session' | 'token' | null
  /** Hash of the session cookie, when signed in by cookie. */
  readonly sessionId: string | null
  /** What the API token may reach, when signed in by token; null for a session. */
  readonly token: {
    readonly id: string
    readonly scope: TokenScope
    /** The one workspace the token may reach; null: every workspace of the user. */
    readonly workspaceId: string | null
  } | null
  /** The `:ws` workspace and the caller's role in it, for workspace routes. */
  readonly workspace: { readonly id: string; readonly role: Role } | null
}

export const ANONYMOUS: AuthContext = {
  user: null,
  via: null,
  sessionId: null,
  token: null,
  workspace: null,
}

/**
 * False when the caller's API token is restricted to another workspace. `null` stands for what
 * belongs to no one workspace (an unrestricted token, say), which a restricted token does not reach.
 */
export function tokenReaches(auth: AuthContext, workspaceId: string | null): boolean {
  const only = auth.token?.workspaceId ?? null
  return only === null || only === workspaceId
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext
  }
}
