import type { FastifyRequest } from 'fastify'
import type { Store } from '../../store/store.js'
import type { ServerConfig } from '../config.js'
import type { Access } from '../policy.js'
import type { AuthContext } from './auth-context.js'
import { ForbiddenError } from '../../errors/forbidden-error.js'
import { InsufficientScopeError } from '../../errors/insufficient-scope-error.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { UnauthenticatedError } from '../../errors/unauthenticated-error.js'
import { roleAllows } from '../policy.js'
import { ANONYMOUS } from './auth-context.js'
import { isSameOrigin } from './same-origin.js'
import { hashSecret } from './secrets.js'

export const SESSION_COOKIE = 'tandem_session'
// Writing lastSeenAt on every request would turn every read into a write; a minute is precise
// enough for an idle timeout counted in hours.
const TOUCH_AFTER_MS = 60_000
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Resolves the caller and enforces the route's policy entry: 401 without credentials, CSRF for
 * cookie-authenticated writes, 403 beyond an API token's scope, 404 for a workspace the caller is
 * not in (or their token does not reach), 403 for a too-low role.
 */
export async function authenticate(
  request: FastifyRequest,
  access: Access,
  store: Store,
  config: ServerConfig,
  now: () => Date,
): Promise<AuthContext> {
  const caller = await resolveCaller(request, store, config, now)
  const unsafe = !SAFE_METHODS.has(request.method)
  // Cookie-authenticated writes, and any write a browser sends from another site (login CSRF).
  const hasOrigin =
    request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined
  if (unsafe && (caller.via === 'session' || hasOrigin) && !isSameOrigin(request, config)) {
    await store.securityLog.append({
      kind: 'csrf.refused',
      userId: caller.user?.id ?? null,
      email: null,
      ip: request.ip,
      workspaceId: null,
      detail: { method: request.method, route: request.routeOptions.url ?? null },
    })
    throw new ForbiddenError('cross-site request refused: the Origin is not this server')
  }
  if (access.kind === 'public') return caller
  if (!caller.user) throw new UnauthenticatedError()
  const requirement = access.requirement
  const workspaceId = (request.params as Record<string, string | undefined>).ws ?? null
  // A token's scope only narrows: the role checks below still apply to what it lets through.
  if (caller.token)
    await enforceTokenScope(store, request, caller, caller.token, access, workspaceId)
  if (requirement === 'user') return caller
  if (!workspaceId) throw new Error(`route ${request.routeOptions.url ?? ''} has a role but no :ws`)
  // Read on every request, never cached: a removed member or a downgrade applies at once (§A).
  const role = await store.members.role(workspaceId, caller.user.id)
  if (!role) {
    await denied(store, request, caller, workspaceId, 'not a member')
    throw new NotFoundError('workspace', workspaceId)
  }
  if (!roleAllows(role, requirement)) {
    await denied(store, request, caller, workspaceId, `role ${role} below ${requirement}`)
    throw new ForbiddenError(`this needs the ${requirement} role in the workspace; you are ${role}`)
  }
  return { ...caller, workspace: { id: workspaceId, role } }
}

async function resolveCaller(
  request: FastifyRequest,
  store: Store,
  config: ServerConfig,
  now: () => Date,
): Promise<AuthContext> {
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(authorization)
    if (!match?.[1])
      throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"')
    const found = await store.apiTokens.findByHash(hashSecret(match[1]))
    if (!found) throw new UnauthenticatedError('the API token is unknown or revoked')
    const lastUsed = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : 0
    if (now().getTime() - lastUsed > TOUCH_AFTER_MS) await store.apiTokens.touch(found.token.id)
    const { id, scope, workspaceId } = found.token
    return {
      user: publicUser(found.user),
      via: 'token',
      sessionId: null,
      token: { id, scope, workspaceId },
      workspace: null,
    }
  }
  const cookie = request.cookies[SESSION_COOKIE]
  if (!cookie) return ANONYMOUS
  const sessionId = hashSecret(cookie)
  const found = await store.sessions.find(sessionId)
  if (!found) return ANONYMOUS
  const idleFor = now().getTime() - Date.parse(found.session.lastSeenAt)
  if (idleFor > config.sessionIdleMs) {
    await store.sessions.delete(sessionId)
    return ANONYMOUS
  }
  if (idleFor > TOUCH_AFTER_MS) await store.sessions.touch(sessionId)
  return { user: publicUser(found.user), via: 'session', sessionId, token: null, workspace: null }
}

/**
 * reliability.md §B "scoped" tokens: session-only routes refuse every token, a `read` token every
 * unsafe method, and a workspace-restricted token other workspaces (404, as for a non-member)
 * and account-level writes such as creating a workspace.
 */
async function enforceTokenScope(
  store: Store,
  request: FastifyRequest,
  caller: AuthContext,
  token: NonNullable<AuthContext['token']>,
  access: Extract<Access, { kind: 'protected' }>,
  workspaceId: string | null,
): Promise<void> {
  // A workspace the token does not reach answers as if it did not exist, whatever the route.
  if (token.workspaceId !== null && workspaceId !== null && workspaceId !== token.workspaceId) {
    await denied(store, request, caller, workspaceId, 'token restricted to another workspace')
    throw new NotFoundError('workspace', workspaceId)
  }
  const route = `${request.method} ${request.routeOptions.url ?? ''}`
  const unsafe = !SAFE_METHODS.has(request.method)
  let refusal: { reason: string; message: string } | null = null
  if (access.sessionOnly) {
    refusal = {
      reason: 'session-only route',
      message: `API tokens cannot call ${route}; sign in to manage tokens and your password`,
    }
  } else if (unsafe && token.scope === 'read') {
    refusal = {
      reason: 'read-only token',
      message: `this API token is read-only; ${request.method} needs a token with scope "write"`,
    }
  } else if (token.workspaceId !== null && workspaceId === null && unsafe) {
    refusal = {
      reason: 'workspace-restricted token',
      message: `this API token is restricted to workspace "${token.workspaceId}"; it cannot ${route}`,
    }
  }
  if (refusal) {
    await denied(store, request, caller, workspaceId, refusal.reason)
    throw new InsufficientScopeError(refusal.message)
  }
}

function publicUser(user: { id: string; email: string; name: string }): AuthContext['user'] {
  return { id: user.id, email: user.email, name: user.name }
}

async function denied(
  store: Store,
  request: FastifyRequest,
  caller: AuthContext,
  workspaceId: string | null,
  reason: string,
): Promise<void> {
  await store.securityLog.append({
    kind: 'access.denied',
    userId: caller.user?.id ?? null,
    email: null,
    ip: request.ip,
    workspaceId,
    detail: { method: request.method, route: request.routeOptions.url ?? null, reason },
  })
}
