import type { Role } from '../../store/store.js'

/** Who is calling, resolved once per request by authenticate.ts. */
export interface AuthContext {
  readonly user: { readonly id: string; readonly email: string; readonly name: string } | null
  readonly via: 'session' | 'token' | null
  /** Hash of the session cookie, when signed in by cookie. */
  readonly sessionId: string | null
  /** The `:ws` workspace and the caller's role in it, for workspace routes. */
  readonly workspace: { readonly id: string; readonly role: Role } | null
}

export const ANONYMOUS: AuthContext = { user: null, via: null, sessionId: null, workspace: null }

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext
  }
}
