import type { FastifyReply } from 'fastify'
import type { Store } from '../../store/store.js'
import type { RouteDeps } from '../route-deps.js'
import { SESSION_COOKIE } from './authenticate.js'
import { hashSecret, newSecret } from './secrets.js'

/**
 * Starts a new session for the user (a fresh id at every login: no fixation) and sets the cookie.
 * The previous session of this browser, if any, is ended.
 */
export async function startSession(
  deps: RouteDeps,
  reply: FastifyReply,
  userId: string,
  previousCookie: string | undefined,
): Promise<void> {
  const store: Store = deps.store
  if (previousCookie) await store.sessions.delete(hashSecret(previousCookie))
  const secret = newSecret()
  const expiresAt = new Date(deps.now().getTime() + deps.config.sessionAbsoluteMs)
  await store.sessions.create({
    id: hashSecret(secret),
    userId,
    expiresAt: expiresAt.toISOString(),
  })
  void reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(deps, reply),
    maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
  })
}

export function clearSessionCookie(deps: RouteDeps, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(deps, reply),
  })
}

// `Secure` when the operator says the site is HTTPS, or when this request came over HTTPS: directly,
// or through a proxy trusted by TANDEM_TRUST_PROXY (X-Forwarded-Proto), never an untrusted header.
function secureFor(deps: RouteDeps, reply: FastifyReply): boolean {
  return deps.config.secureCookies || reply.request.protocol === 'https'
}
