import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { UnauthenticatedError } from '../../errors/unauthenticated-error.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'
import { SESSION_COOKIE } from '../auth/authenticate.js'
import type { LoginAttempt } from '../auth/login-throttle.js'
import { reserveLoginAttempt, throttleKeys } from '../auth/login-throttle.js'
import {
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../auth/passwords.js'
import { clearSessionCookie, startSession } from '../auth/session-cookie.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { NO_CONTENT } from '../response-spec.js'
import { signedInSchema } from '../view-schemas.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { createDemo, isDemoEmail, LEGACY_DEMO_EMAIL, refuseDemo } from '../demo.js'

/** The one shared demo account of earlier versions; it can no longer sign in. */
export const DEMO_EMAIL = LEGACY_DEMO_EMAIL

const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
})
const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
})

/** Sign in, sign out, demo sign-in, password change. */
export function authRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tags: ['auth'],
    body: loginBody,
    response: { 200: signedInSchema, 401: errorBodySchema, 429: errorBodySchema },
    handler: async ({ body, request, reply }) => {
      // Counted before the check (reliability.md §G); it stays a failure unless the check passes.
      let attempt: LoginAttempt
      try {
        attempt = await reserveLoginAttempt(store, throttleKeys(body.email, request.ip))
      } catch (error) {
        if (error instanceof RateLimitedError)
          await security(deps, 'login.throttled', body.email, request.ip)
        throw error
      }
      const user = await store.users.findByEmail(body.email.toLowerCase())
      const valid = await verifyPassword(
        user?.passwordHash ?? (await dummyPasswordHash()),
        body.password,
      )
      if (!user || !valid || isDemoEmail(user.email)) {
        await security(deps, 'login.failed', body.email, request.ip, user?.id ?? null)
        throw new UnauthenticatedError('the email or password is wrong')
      }
      await attempt.succeeded()
      await startSession(deps, reply, user.id, request.cookies[SESSION_COOKIE])
      await security(deps, 'login.succeeded', user.email, request.ip, user.id)
      return { user: { id: user.id, email: user.email, name: user.name } }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/demo',
    summary:
      'Start a private demo: a workspace of your own seeded with the examples, deleted after it ' +
      'has been idle (TANDEM_DEMO_IDLE_HOURS); a visitor already in a demo keeps theirs. 409 ' +
      'DEMO_FULL when TANDEM_DEMO_MAX demos exist; 404 when the demo is off',
    tags: ['auth'],
    response: { 200: signedInSchema, 404: errorBodySchema, 409: errorBodySchema },
    handler: async ({ auth, request, reply }) => {
      const { config } = deps
      if (!config.demo || config.demoMax === 0) throw new NotFoundError('demo', 'workspace')
      if (
        auth.user &&
        isDemoEmail(auth.user.email) &&
        (await store.demos.findForUser(auth.user.id))
      )
        return { user: auth.user }
      const { user, workspace } = await createDemo(store, await deps.demoSeed(), {
        max: config.demoMax,
        maxChanges: config.demoMaxChanges,
      })
      await startSession(deps, reply, user.id, request.cookies[SESSION_COOKIE])
      await deps.store.securityLog.append({
        kind: 'demo.started',
        userId: user.id,
        email: null,
        ip: request.ip,
        workspaceId: workspace.id,
        detail: null,
      })
      return { user: { id: user.id, email: user.email, name: user.name } }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session on the server',
    tags: ['auth'],
    response: { 204: NO_CONTENT },
    handler: async ({ auth, reply }) => {
      if (auth.sessionId) await store.sessions.delete(auth.sessionId)
      clearSessionCookie(deps, reply)
      return reply.status(204).send()
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/password',
    summary:
      'Change the password: the current one is required, and wrong guesses count with failed ' +
      'sign-ins (429 after 5 in 15 minutes); ends every other session of the user',
    tags: ['auth'],
    body: passwordBody,
    response: { 204: NO_CONTENT, 401: errorBodySchema, 429: errorBodySchema },
    handler: async ({ auth, body, request, reply }) => {
      const userId = requireUser(auth.user).id
      refuseDemo(auth, 'change a password')
      const user = await store.users.get(userId)
      if (!user) throw new UnauthenticatedError()
      // Guesses of the current password count with failed logins of the account and the IP, and
      // are reserved before the check like them: a stolen session cannot try passwords faster
      // than the sign-in form allows.
      let attempt: LoginAttempt
      try {
        attempt = await reserveLoginAttempt(store, throttleKeys(user.email, request.ip))
      } catch (error) {
        if (error instanceof RateLimitedError)
          await security(deps, 'password.throttled', null, request.ip, userId)
        throw error
      }
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        await security(deps, 'password.refused', null, request.ip, userId)
        throw new UnauthenticatedError('the current password is wrong')
      }
      await attempt.succeeded()
      checkPasswordPolicy(body.newPassword, 'newPassword')
      await store.users.setPasswordHash(userId, await hashPassword(body.newPassword))
      await store.sessions.deleteForUser(userId, auth.sessionId ?? undefined)
      await security(deps, 'password.changed', null, request.ip, userId)
      return reply.status(204).send()
    },
  })
}

/** The signed-in user; routes behind the `user` policy always have one. */
export function requireUser<T>(user: T | null): T {
  if (!user) throw new UnauthenticatedError()
  return user
}

async function security(
  deps: RouteDeps,
  kind: string,
  email: string | null,
  ip: string,
  userId: string | null = null,
): Promise<void> {
  await deps.store.securityLog.append({ kind, userId, email, ip, workspaceId: null, detail: null })
}
