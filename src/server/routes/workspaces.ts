import type { FastifyInstance } from 'fastify'
import type { Actor } from '../../store/store.js'
import type { AuthContext } from '../auth/auth-context.js'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { nameText } from '../../contract/text.js'
import { tokenReaches } from '../auth/auth-context.js'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { ROLES } from '../../contract/roles.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { NO_CONTENT } from '../response-spec.js'
import { memberSchema, workspaceSchema } from '../view-schemas.js'
import { memberView, workspaceView } from '../views.js'
import { isDemoEmail, refuseDemo } from '../demo.js'
import { requireUser } from './auth.js'

export const id = z.string().min(1).max(200)
export const wsParams = z.strictObject({ ws: id })
const memberParams = z.strictObject({ ws: id, userId: id })
const name = nameText()
const version = z.number().int().min(1)

/** Workspaces and their members. */
export function workspaceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces',
    summary: 'Workspaces you belong to, with your role (only its own for a restricted token)',
    tags: ['workspaces'],
    response: { 200: z.array(workspaceSchema) },
    handler: async ({ auth }) =>
      (await store.workspaces.listForUser(requireUser(auth.user).id))
        .filter((workspace) => tokenReaches(auth, workspace.id))
        .map(workspaceView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces',
    summary: 'Create a workspace; you become its owner',
    tags: ['workspaces'],
    body: z.strictObject({ name }),
    response: { 201: workspaceSchema },
    handler: async ({ auth, body, reply }) => {
      refuseDemo(auth, 'create workspaces')
      const workspace = await store.workspaces.create(actorOf(auth), { name: body.name })
      return reply.status(201).send(workspaceView({ ...workspace, role: 'owner' }))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws',
    summary: 'One workspace with your role',
    tags: ['workspaces'],
    params: wsParams,
    response: { 200: workspaceSchema },
    handler: async ({ auth, params }) => {
      const workspace = await store.workspaces.get(params.ws)
      if (!workspace) throw new NotFoundError('workspace', params.ws)
      return workspaceView({ ...workspace, role: workspaceOf(auth).role })
    },
  })

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/workspaces/:ws',
    summary: 'Rename a workspace (owner)',
    tags: ['workspaces'],
    params: wsParams,
    body: z.strictObject({ name, expectedVersion: version }),
    response: { 200: workspaceSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) => {
      const workspace = await store.workspaces.rename(actorOf(auth), params.ws, body)
      return workspaceView({ ...workspace, role: workspaceOf(auth).role })
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/members',
    summary: 'Members of the workspace',
    tags: ['members'],
    params: wsParams,
    response: { 200: z.array(memberSchema) },
    handler: async ({ params }) => (await store.members.list(params.ws)).map(memberView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/members',
    summary: 'Add an existing user to the workspace (owner)',
    tags: ['members'],
    params: wsParams,
    body: z.strictObject({ email: z.string().trim().min(3).max(254), role: z.enum(ROLES) }),
    response: { 201: memberSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body, reply }) => {
      refuseDemo(auth, 'add members')
      const found = await store.users.findByEmail(body.email.toLowerCase())
      // A demo visitor's account is no one to add: it is answered like an unknown email.
      const user = found && !isDemoEmail(found.email) ? found : null
      if (!user) {
        throw new InvalidInputError(`no user has the email "${body.email}"`, [
          { field: 'email', message: 'no account with this email; invite them instead' },
        ])
      }
      const member = await store.members.add(actorOf(auth), params.ws, {
        userId: user.id,
        role: body.role,
      })
      return reply.status(201).send(memberView(member))
    },
  })

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/workspaces/:ws/members/:userId',
    summary: "Change a member's role (owner)",
    tags: ['members'],
    params: memberParams,
    body: z.strictObject({ role: z.enum(ROLES) }),
    response: { 200: memberSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) =>
      memberView(await store.members.setRole(actorOf(auth), params.ws, params.userId, body.role)),
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/workspaces/:ws/members/:userId',
    summary: 'Remove a member (owner)',
    tags: ['members'],
    params: memberParams,
    response: { 204: NO_CONTENT, 409: errorBodySchema },
    handler: async ({ auth, params, reply }) => {
      await store.members.remove(actorOf(auth), params.ws, params.userId)
      return reply.status(204).send()
    },
  })
}

/** The audit actor for the signed-in user. */
export function actorOf(auth: AuthContext): Actor {
  return { userId: requireUser(auth.user).id }
}

/** The `:ws` workspace resolved by the policy check. */
export function workspaceOf(auth: AuthContext): NonNullable<AuthContext['workspace']> {
  if (!auth.workspace) throw new Error('workspace route without a resolved workspace')
  return auth.workspace
}
