import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { profileSchema } from '../../engine/profile-schema.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { NO_CONTENT } from '../response-spec.js'
import {
  createdOrganizationSchema,
  organizationPageSchema,
  organizationSchema,
  profileVersionSchema,
} from '../view-schemas.js'
import { organizationView } from '../views.js'
import { actorOf, id } from './workspaces.js'
import { linkNext, pageOf, pageQuery } from '../page-query.js'

const orgParams = z.strictObject({ ws: id, org: id })
const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  ...pageQuery(50, 200),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('rows to skip, for clients written before cursors; ignored with `after`'),
  count: z
    .enum(['true', 'false'])
    .default('false')
    .describe('`true` adds `total`, the number of matching organizations (one more query)'),
})

/** Organizations and their versioned profiles. */
export function organizationRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations',
    summary: 'Organizations of the workspace with their latest assessment',
    tags: ['organizations'],
    params: z.strictObject({ ws: id }),
    query: listQuery,
    response: { 200: organizationPageSchema },
    handler: async ({ params, query }) => {
      const page = await store.organizations.list(params.ws, {
        ...pageOf(query),
        offset: query.offset,
        count: query.count === 'true',
        ...(query.q ? { q: query.q } : {}),
      })
      return {
        ...(page.total === undefined ? {} : { total: page.total }),
        nextCursor: page.nextCursor,
        items: page.items.map((item) => ({
          id: item.id,
          name: item.name,
          profileVersion: item.profileVersion,
          updatedAt: item.updatedAt,
          latestAssessment: item.latestAssessment && {
            id: item.latestAssessment.id,
            structure: item.latestAssessment.structure,
            antiPatterns: [...item.latestAssessment.antiPatterns],
            currentStructure: item.latestAssessment.currentStructure,
            createdAt: item.latestAssessment.createdAt,
          },
        })),
      }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations',
    summary: 'Create an organization from a profile (tandem/profile@1)',
    tags: ['organizations'],
    params: z.strictObject({ ws: id }),
    body: z.strictObject({ profile: profileSchema }),
    response: { 201: createdOrganizationSchema },
    handler: async ({ auth, params, body, reply }) => {
      const organization = await store.organizations.create(actorOf(auth), params.ws, body)
      const view = organizationView(organization)
      return reply.status(201).send({
        id: view.id,
        name: view.name,
        profileVersion: view.profileVersion,
        profile: view.profile,
      })
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org',
    summary: 'One organization with its current profile',
    tags: ['organizations'],
    params: orgParams,
    response: { 200: organizationSchema },
    handler: async ({ params }) => {
      const organization = await store.organizations.get(params.ws, params.org)
      if (!organization) throw new NotFoundError('organization', params.org)
      return organizationView(organization)
    },
  })

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/workspaces/:ws/organizations/:org/profile',
    summary: 'Save a new profile version; a stale expectedVersion gets 409',
    tags: ['organizations'],
    params: orgParams,
    body: z.strictObject({ profile: profileSchema, expectedVersion: z.number().int().min(1) }),
    response: { 200: organizationSchema, 409: errorBodySchema },
    handler: async ({ auth, params, body }) =>
      organizationView(
        await store.organizations.updateProfile(actorOf(auth), params.ws, params.org, body),
      ),
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/versions',
    summary: 'Profile versions, oldest first, a page at a time (Link rel="next")',
    tags: ['organizations'],
    params: orgParams,
    query: z.strictObject(pageQuery(100, 500)),
    response: { 200: z.array(profileVersionSchema) },
    handler: async ({ params, query, request, reply }) => {
      const organization = await store.organizations.get(params.ws, params.org)
      if (!organization) throw new NotFoundError('organization', params.org)
      const page = await store.organizations.versions(params.ws, params.org, pageOf(query))
      linkNext(request, reply, page.nextCursor)
      return page.items.map((v) => ({
        version: v.version,
        profile: v.profile,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
      }))
    },
  })

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/workspaces/:ws/organizations/:org',
    summary: 'Delete an organization with its history, assessments and charters',
    tags: ['organizations'],
    params: orgParams,
    response: { 204: NO_CONTENT },
    handler: async ({ auth, params, reply }) => {
      await store.organizations.delete(actorOf(auth), params.ws, params.org)
      return reply.status(204).send()
    },
  })
}
