import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AuthContext } from '../auth/auth-context.js'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { TOKEN_SCOPES } from '../../contract/token-scopes.js'
import { tokenReaches } from '../auth/auth-context.js'
import { hashSecret, newSecret } from '../auth/secrets.js'
import { defineRoute } from '../define-route.js'
import { NO_CONTENT } from '../response-spec.js'
import { createdTokenSchema, meSchema, tokenSchema } from '../view-schemas.js'
import { tokenView } from '../views.js'
import { refuseDemo } from '../demo.js'
import { requireUser } from './auth.js'

const idParams = z.strictObject({ id: z.string().min(1).max(200) })
const tokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  // Least privilege by default: a token that only reads cannot be used to change anything.
  scope: z.enum(TOKEN_SCOPES).default('read'),
  workspaceId: z.string().min(1).max(200).nullable().default(null),
})

/** The signed-in user and their personal API tokens. */
export function accountRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The signed-in user and their workspaces',
    tags: ['account'],
    response: { 200: meSchema },
    handler: async ({ auth }) => {
      const user = requireUser(auth.user)
      const workspaces = await store.workspaces.listForUser(user.id)
      return {
        user: { id: user.id, email: user.email, name: user.name },
        workspaces: workspaces
          .filter((ws) => tokenReaches(auth, ws.id))
          .map((ws) => ({ id: ws.id, name: ws.name, role: ws.role })),
      }
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'Your API tokens with their scope (never the secret)',
    tags: ['account'],
    response: { 200: z.array(tokenSchema) },
    handler: async ({ auth }) => {
      const tokens = await store.apiTokens.list(requireUser(auth.user).id)
      // A restricted token learns nothing of its user's other workspaces, not even their ids.
      return tokens.filter((token) => tokenReaches(auth, token.workspaceId)).map(tokenView)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tokens',
    summary:
      'Create an API token (signed-in session only; scope "read" unless "write" is asked); ' +
      'the secret is in this response only',
    tags: ['account'],
    body: tokenBody,
    response: { 201: createdTokenSchema },
    handler: async ({ auth, body, request, reply }) => {
      const userId = requireUser(auth.user).id
      refuseDemo(auth, 'create API tokens')
      // Only a workspace the user is in: any other answers as if it did not exist (§A).
      if (body.workspaceId !== null && !(await store.members.role(body.workspaceId, userId))) {
        throw new NotFoundError('workspace', body.workspaceId)
      }
      const secret = newSecret('tdm_')
      const token = await store.apiTokens.create({
        userId,
        name: body.name,
        tokenHash: hashSecret(secret),
        scope: body.scope,
        workspaceId: body.workspaceId,
      })
      await security(deps, request, auth, 'token.created', token.workspaceId, {
        tokenId: token.id,
        scope: token.scope,
      })
      return reply.status(201).send({ ...tokenView(token), token: secret })
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke an API token',
    tags: ['account'],
    params: idParams,
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, request, reply }) => {
      await store.apiTokens.delete(requireUser(auth.user).id, params.id)
      await security(deps, request, auth, 'token.revoked', null, { tokenId: params.id })
      return reply.status(204).send()
    },
  })
}

// Credential changes go to the security log, like logins and password changes (ASVS 16.3.1).
async function security(
  deps: RouteDeps,
  request: FastifyRequest,
  auth: AuthContext,
  kind: 'token.created' | 'token.revoked',
  workspaceId: string | null,
  detail: Readonly<Record<string, string>>,
): Promise<void> {
  await deps.store.securityLog.append({
    kind,
    userId: auth.user?.id ?? null,
    email: null,
    ip: request.ip,
    workspaceId,
    detail: { ...detail, via: auth.via ?? 'anonymous' },
  })
}
