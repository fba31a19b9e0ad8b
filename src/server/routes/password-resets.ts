import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { SESSION_COOKIE } from '../auth/authenticate.js'
import { webLink } from '../auth/links.js'
import { throttleKeys } from '../auth/login-throttle.js'
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js'
import { hashSecret, newSecret } from '../auth/secrets.js'
import { startSession } from '../auth/session-cookie.js'
import { defineRoute } from '../define-route.js'
import { refuseDemo } from '../demo.js'
import { errorBodySchema } from '../error-responses.js'
import { NO_CONTENT } from '../response-spec.js'
import {
  createdPasswordResetSchema,
  passwordResetLookupSchema,
  passwordResetSchema,
  signedInSchema,
} from '../view-schemas.js'
import { passwordResetView } from '../views.js'
import { linkToken } from './invitations.js'
import { actorOf, wsParams } from './workspaces.js'

const id = z.string().min(1).max(200)

/**
 * Owner-issued password reset links: there is no mail-based "forgot password" (no mail server is
 * assumed), so an owner hands a member a one-time link, and only for a member whose every
 * workspace they own (docs/decisions.md "Password reset links").
 */
export function passwordResetRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, config } = deps

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/password-resets',
    summary: 'Pending password reset links issued in the workspace (owner)',
    tags: ['members'],
    params: wsParams,
    response: { 200: z.array(passwordResetSchema) },
    handler: async ({ params }) =>
      (await store.passwordResets.listPending(params.ws)).map(passwordResetView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/members/:userId/password-reset',
    summary:
      "Issue a one-time link that sets a member's password (owner, signed-in session only; " +
      'valid for TANDEM_RESET_HOURS). Refused (403) for a member who is also in a workspace you ' +
      'do not own. A new link revokes the earlier one',
    tags: ['members'],
    params: z.strictObject({ ws: id, userId: id }),
    response: { 201: createdPasswordResetSchema },
    handler: async ({ auth, params, request, reply }) => {
      refuseDemo(auth, 'reset passwords')
      const token = newSecret()
      const reset = await store.passwordResets.create(actorOf(auth), params.ws, {
        userId: params.userId,
        tokenHash: hashSecret(token),
        expiresAt: new Date(deps.now().getTime() + config.resetTtlMs).toISOString(),
      })
      await store.securityLog.append({
        kind: 'password-reset.issued',
        userId: auth.user?.id ?? null,
        email: null,
        ip: request.ip,
        workspaceId: params.ws,
        detail: { resetId: reset.id, for: reset.userId },
      })
      const link = webLink(request, config, 'reset-password', token)
      return reply.status(201).send({ ...passwordResetView(reset), link })
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/workspaces/:ws/password-resets/:id',
    summary: 'Revoke a pending password reset link (owner)',
    tags: ['members'],
    params: z.strictObject({ ws: id, id }),
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, reply }) => {
      await store.passwordResets.revoke(actorOf(auth), params.ws, params.id)
      return reply.status(204).send()
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/password-resets/lookup',
    summary: "A password reset link's status, and while usable the account's email",
    tags: ['auth'],
    body: z.strictObject({ token: linkToken }),
    response: { 200: passwordResetLookupSchema, 404: errorBodySchema },
    handler: async ({ body }) => {
      const reset = await store.passwordResets.findByToken(hashSecret(body.token))
      if (!reset) throw new NotFoundError('password reset', 'link')
      if (reset.status !== 'pending') return { status: reset.status }
      return { status: reset.status, reset: { email: reset.email, expiresAt: reset.expiresAt } }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/password-resets/complete',
    summary:
      'Set a new password with a reset link (once): ends every session of the account, then ' +
      'signs in here',
    tags: ['auth'],
    body: z.strictObject({ token: linkToken, password: z.string().max(1024) }),
    response: { 200: signedInSchema, 404: errorBodySchema },
    handler: async ({ body, request, reply }) => {
      const tokenHash = hashSecret(body.token)
      const found = await store.passwordResets.findByToken(tokenHash)
      if (!found || found.status !== 'pending') throw new NotFoundError('password reset', 'link')
      // Checked before the link is used, so a refused password leaves the link working.
      checkPasswordPolicy(body.password)
      const reset = await store.passwordResets.use(tokenHash, await hashPassword(body.password))
      const user = await store.users.get(reset.userId)
      if (!user) throw new NotFoundError('password reset', 'link')
      // The account's failed sign-ins no longer count against its new password.
      await store.loginThrottle.reset(throttleKeys(user.email, request.ip)[0])
      await store.securityLog.append({
        kind: 'password.reset',
        userId: user.id,
        email: null,
        ip: request.ip,
        workspaceId: reset.workspaceId,
        detail: { resetId: reset.id },
      })
      await startSession(deps, reply, user.id, request.cookies[SESSION_COOKIE])
      return { user: { id: user.id, email: user.email, name: user.name } }
    },
  })
}
