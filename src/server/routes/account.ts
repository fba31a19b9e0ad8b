import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { hashSecret, newSecret } from '../auth/secrets.js'
import { defineRoute } from '../define-route.js'
import { tokenView } from '../views.js'
import { requireUser } from './auth.js'

const idParams = z.strictObject({ id: z.string().min(1).max(200) })
const tokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) })

/** The signed-in user and their personal API tokens. */
export function accountRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The signed-in user and their workspaces',
    tags: ['account'],
    handler: async ({ auth }) => {
      const user = requireUser(auth.user)
      const workspaces = await store.workspaces.listForUser(user.id)
      return {
        user: { id: user.id, email: user.email, name: user.name },
        workspaces: workspaces.map((ws) => ({ id: ws.id, name: ws.name, role: ws.role })),
      }
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'Your API tokens (never the secret)',
    tags: ['account'],
    handler: async ({ auth }) =>
      (await store.apiTokens.list(requireUser(auth.user).id)).map(tokenView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Create an API token; the secret is in this response only',
    tags: ['account'],
    body: tokenBody,
    handler: async ({ auth, body, reply }) => {
      const secret = newSecret('tdm_')
      const token = await store.apiTokens.create({
        userId: requireUser(auth.user).id,
        name: body.name,
        tokenHash: hashSecret(secret),
      })
      return reply
        .status(201)
        .send({ id: token.id, name: token.name, token: secret, createdAt: token.createdAt })
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke an API token',
    tags: ['account'],
    params: idParams,
    handler: async ({ auth, params, reply }) => {
      await store.apiTokens.delete(requireUser(auth.user).id, params.id)
      return reply.status(204).send()
    },
  })
}
