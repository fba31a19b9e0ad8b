import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AuthContext } from '../auth/auth-context.js'
import type { RouteDeps } from '../route-deps.js'
import type { Invitation } from '../../store/store.js'
import { z } from 'zod'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'
import { UnauthenticatedError } from '../../errors/unauthenticated-error.js'
import { ROLES } from '../../store/store.js'
import { emailKey } from '../../store/user-store.js'
import { SESSION_COOKIE } from '../auth/authenticate.js'
import { webLink } from '../auth/links.js'
import type { LoginAttempt } from '../auth/login-throttle.js'
import { reserveLoginAttempt, throttleKeys } from '../auth/login-throttle.js'
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords.js'
import { hashSecret, newSecret } from '../auth/secrets.js'
import { startSession } from '../auth/session-cookie.js'
import { defineRoute } from '../define-route.js'
import { isDemoEmail, refuseDemo } from '../demo.js'
import { errorBodySchema } from '../error-responses.js'
import { NO_CONTENT } from '../response-spec.js'
import {
  createdInvitationSchema,
  invitationLookupSchema,
  invitationSchema,
  joinedSchema,
} from '../view-schemas.js'
import { invitationView } from '../views.js'
import { actorOf, workspaceOf, wsParams } from './workspaces.js'

const id = z.string().min(1).max(200)
/** A one-time link's token as the web app sends it back (base64url of 32 random bytes). */
export const linkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, 'the token from the link (letters, digits, - and _)')
const inviteBody = z.strictObject({
  email: z
    .email()
    .max(254)
    .refine((email) => !isDemoEmail(email), 'an address at the demo domain cannot be invited'),
  role: z.enum(ROLES),
})
const acceptBody = z.strictObject({
  token: linkToken,
  /** For a new account; defaults to the email. */
  name: z.string().trim().min(1).max(200).optional(),
  /** A new account's password, or an existing account's to sign in; not needed when signed in. */
  password: z.string().min(1).max(1024).optional(),
})

/** Invitations: an owner invites an email with a role; the invitee joins through a one-time link. */
export function invitationRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, config } = deps

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/invitations',
    summary: 'Pending invitations of the workspace (owner)',
    tags: ['members'],
    params: wsParams,
    response: { 200: z.array(invitationSchema) },
    handler: async ({ params }) =>
      (await store.invitations.listPending(params.ws)).map(invitationView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/invitations',
    summary:
      'Invite an email with a role (owner): answers the one-time link, valid for ' +
      'TANDEM_INVITATION_DAYS, and emails it when TANDEM_SMTP_URL is set',
    tags: ['members'],
    params: wsParams,
    body: inviteBody,
    response: { 201: createdInvitationSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body, request, reply }) => {
      refuseDemo(auth, 'invite people')
      const token = newSecret()
      const expiresAt = new Date(deps.now().getTime() + config.invitationTtlMs).toISOString()
      const invitation = await store.invitations.create(actorOf(auth), params.ws, {
        email: body.email,
        role: body.role,
        tokenHash: hashSecret(token),
        expiresAt,
      })
      const link = webLink(request, config, 'invitation', token)
      const emailed = await sendInvitation(deps, auth, workspaceOf(auth).id, invitation, link)
      return reply.status(201).send({ ...invitationView(invitation), link, emailed })
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/workspaces/:ws/invitations/:id',
    summary: 'Revoke a pending invitation (owner): its link stops working at once',
    tags: ['members'],
    params: z.strictObject({ ws: id, id }),
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, reply }) => {
      await store.invitations.revoke(actorOf(auth), params.ws, params.id)
      return reply.status(204).send()
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/invitations/lookup',
    summary:
      "An invitation link's status, and while it is usable the workspace, role and whether " +
      'the invited account exists (the token travels in the body, never in a URL)',
    tags: ['members'],
    body: z.strictObject({ token: linkToken }),
    response: { 200: invitationLookupSchema, 404: errorBodySchema },
    handler: async ({ auth, body }) => {
      const found = await store.invitations.findByToken(hashSecret(body.token))
      if (!found) throw new NotFoundError('invitation', 'link')
      const { invitation } = found
      if (invitation.status !== 'pending') return { status: invitation.status }
      return {
        status: invitation.status,
        invitation: {
          email: invitation.email,
          role: invitation.role,
          workspaceName: found.workspaceName,
          invitedBy: found.invitedBy,
          expiresAt: invitation.expiresAt,
          accountExists: (await store.users.findByEmail(invitation.email)) !== null,
          signedIn: signedInAs(auth, invitation.email),
        },
      }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    summary:
      'Join with an invitation link: signed in as the invited account, nothing more is needed; ' +
      'an existing account gives its password (throttled like sign-in); otherwise a new account ' +
      'is made with `password` (and `name`). Signs in; 201 when an account was created',
    tags: ['members'],
    body: acceptBody,
    response: {
      200: joinedSchema,
      201: joinedSchema,
      401: errorBodySchema,
      404: errorBodySchema,
      409: errorBodySchema,
      429: errorBodySchema,
    },
    handler: async ({ auth, body, request, reply }) => {
      const tokenHash = hashSecret(body.token)
      const found = await store.invitations.findByToken(tokenHash)
      if (!found || found.invitation.status !== 'pending') {
        throw new NotFoundError('invitation', 'link')
      }
      const { invitation } = found
      const already = signedInAs(auth, invitation.email) ? auth.user : null
      let user: { id: string; email: string; name: string }
      let created = false
      if (already) {
        user = already
        await store.invitations.accept(tokenHash, user)
      } else {
        const existing = await store.users.findByEmail(invitation.email)
        if (existing) {
          await checkExistingPassword(deps, request, existing, body.password)
          user = existing
          await store.invitations.accept(tokenHash, user)
        } else {
          const password = requirePassword(body.password, 'choose a password for your new account')
          checkPasswordPolicy(password)
          const passwordHash = await hashPassword(password)
          user = await store.transaction(async (tx) => {
            const account = await tx.users.create({
              email: invitation.email,
              name: body.name ?? invitation.email,
              passwordHash,
            })
            await tx.invitations.accept(tokenHash, account)
            return account
          })
          created = true
        }
        await startSession(deps, reply, user.id, request.cookies[SESSION_COOKIE])
      }
      await store.securityLog.append({
        kind: 'invitation.accepted',
        userId: user.id,
        email: null,
        ip: request.ip,
        workspaceId: invitation.workspaceId,
        detail: { invitationId: invitation.id, newAccount: created },
      })
      const role = (await store.members.role(invitation.workspaceId, user.id)) ?? invitation.role
      return reply.status(created ? 201 : 200).send({
        user: { id: user.id, email: user.email, name: user.name },
        workspace: { id: invitation.workspaceId, name: found.workspaceName, role },
      })
    },
  })
}

/** Signed in by a browser session as `email` (a token or the demo does not count). */
function signedInAs(auth: AuthContext, email: string): boolean {
  return (
    auth.via === 'session' &&
    auth.user !== null &&
    !isDemoEmail(auth.user.email) &&
    emailKey(auth.user.email) === emailKey(email)
  )
}

function requirePassword(password: string | undefined, message: string): string {
  if (password === undefined) {
    throw new InvalidInputError(`the password is required: ${message}`, [
      { field: 'password', message },
    ])
  }
  return password
}

/** The existing account's password, with the sign-in throttle: same counters, same limit. */
async function checkExistingPassword(
  deps: RouteDeps,
  request: FastifyRequest,
  user: { id: string; email: string; passwordHash: string },
  password: string | undefined,
): Promise<void> {
  const given = requirePassword(password, `sign in as ${user.email} to join`)
  const log = (kind: string) =>
    deps.store.securityLog.append({
      kind,
      userId: user.id,
      email: user.email,
      ip: request.ip,
      workspaceId: null,
      detail: { via: 'invitation' },
    })
  let attempt: LoginAttempt
  try {
    attempt = await reserveLoginAttempt(deps.store, throttleKeys(user.email, request.ip))
  } catch (error) {
    if (error instanceof RateLimitedError) await log('login.throttled')
    throw error
  }
  if (!(await verifyPassword(user.passwordHash, given))) {
    await log('login.failed')
    throw new UnauthenticatedError('the password is wrong')
  }
  await attempt.succeeded()
}

async function sendInvitation(
  deps: RouteDeps,
  auth: AuthContext,
  workspaceId: string,
  invitation: Invitation,
  link: string,
): Promise<boolean> {
  if (!deps.mailer) return false
  const workspace = await deps.store.workspaces.get(workspaceId)
  const inviter = auth.user?.name ?? 'An owner'
  const until = `${invitation.expiresAt.slice(0, 16).replace('T', ' ')} UTC`
  return deps.mailer({
    to: invitation.email,
    subject: `${inviter} invited you to ${workspace?.name ?? 'a workspace'} on Tandem`,
    text: [
      `${inviter} invited you to the workspace "${workspace?.name ?? ''}" on Tandem, as ${invitation.role}.`,
      '',
      `Open this link to join. It works once, until ${until}:`,
      link,
      '',
      'If you did not expect this invitation, ignore this email.',
    ].join('\n'),
  })
}
