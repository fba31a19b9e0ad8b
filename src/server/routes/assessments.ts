import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { assess } from '../../engine/assess.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { assessmentSchema } from '../../engine/assessment-schema.js'
import { defineRoute } from '../define-route.js'
import { resolvePlaybook } from '../playbooks.js'
import { BRIEFS_SCHEMA_ID, buildBriefs } from '../../engine/hiring/build-briefs.js'
import { SEAT_TITLES } from '../../engine/vocabulary.js'
import { BRIEF_FORMATS, renderBriefs } from '../../report/index.js'
import { CONTENT_TYPES, renderReport, REPORT_FORMATS } from '../reports.js'

import { contentResponse } from '../response-spec.js'
import { assessmentSummaryView, assessmentView, charterView } from '../views.js'
import {
  assessmentRecordSchema,
  assessmentSummarySchema,
  charterRecordSchema,
} from '../view-schemas.js'
import { actorOf, id } from './workspaces.js'
import { linkNext, pageOf, pageQuery } from '../page-query.js'

const orgParams = z.strictObject({ ws: id, org: id })
const assessmentParams = z.strictObject({ ws: id, id })

/** Immutable assessments of an organization's profile versions, their reports, and charters. */
export function assessmentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/organizations/:org/assessments',
    summary:
      'Assess a profile version (default: the latest) with a playbook (default: the shipped one)',
    tags: ['assessments'],
    params: orgParams,
    body: z
      .strictObject({
        profileVersion: z.number().int().min(1).optional(),
        playbookId: z.string().min(1).max(200).optional(),
      })
      .default({}),
    response: { 201: assessmentRecordSchema },
    handler: async ({ auth, params, body, reply }) => {
      const organization = await store.organizations.get(params.ws, params.org)
      if (!organization) throw new NotFoundError('organization', params.org)
      const profileVersion = body.profileVersion ?? organization.profileVersion
      const version = await store.organizations.version(params.ws, params.org, profileVersion)
      if (!version) throw new NotFoundError('profile version', String(profileVersion))
      const playbook = await resolvePlaybook(deps, params.ws, body.playbookId)
      const record = await store.assessments.create(actorOf(auth), params.ws, {
        organizationId: organization.id,
        profileVersion,
        result: assess(version.profile, playbook),
      })
      return reply.status(201).send(assessmentView(record))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/organizations/:org/assessments',
    summary:
      'An organization\'s assessments, newest first (without results), a page at a time (Link rel="next")',
    tags: ['assessments'],
    params: orgParams,
    query: z.strictObject(pageQuery(100, 500)),
    response: { 200: z.array(assessmentSummarySchema) },
    handler: async ({ params, query, request, reply }) => {
      const organization = await store.organizations.get(params.ws, params.org)
      if (!organization) throw new NotFoundError('organization', params.org)
      const page = await store.assessments.listForOrganization(params.ws, params.org, pageOf(query))
      linkNext(request, reply, page.nextCursor)
      return page.items.map(assessmentSummaryView)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/assessments/:id',
    summary: 'One assessment with its result (tandem/assessment@1)',
    tags: ['assessments'],
    params: assessmentParams,
    response: { 200: assessmentRecordSchema },
    handler: async ({ params }) => assessmentView(await getAssessment(deps, params.ws, params.id)),
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/assessments/:id/report',
    summary: 'The assessment report as Markdown, HTML or JSON',
    tags: ['assessments'],
    params: assessmentParams,
    query: z.strictObject({ format: z.enum(REPORT_FORMATS).default('md') }),
    response: {
      200: contentResponse('The report in the asked format (the JSON one is the bare assessment)', {
        'text/markdown': z.string(),
        'text/html': z.string(),
        'application/json': assessmentSchema,
      }),
    },
    handler: async ({ params, query, reply }) => {
      const record = await getAssessment(deps, params.ws, params.id)
      const report = renderReport(record.result, query.format)
      // The HTML report is self-contained: it needs no script and no network.
      if (query.format === 'html') {
        void reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        )
      }
      return reply.type(report.contentType).send(report.body)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/assessments/:id/briefs',
    summary: 'Seat briefs for the recommended structure, as Markdown, HTML or JSON',
    tags: ['assessments'],
    params: assessmentParams,
    query: z.strictObject({
      format: z.enum(BRIEF_FORMATS).default('md'),
      seat: z.enum(SEAT_TITLES).optional(),
    }),
    response: {
      200: contentResponse('The briefs in the asked format', {
        'text/markdown': z.string(),
        'text/html': z.string(),
        'application/json': z.looseObject({ schema: z.literal(BRIEFS_SCHEMA_ID) }),
      }),
    },
    handler: async ({ params, query, reply }) => {
      const record = await getAssessment(deps, params.ws, params.id)
      const playbook = await resolvePlaybook(deps, params.ws, record.result.playbook.id)
      const doc = buildBriefs(record.result, playbook)
      if (!doc) throw new NotFoundError('seat briefs of playbook', record.result.playbook.id)
      const briefs = query.seat ? doc.briefs.filter((b) => b.title === query.seat) : doc.briefs
      if (briefs.length === 0) throw new NotFoundError('seat', query.seat ?? '')
      const body = renderBriefs({ ...doc, briefs }, query.format)
      if (query.format === 'html') {
        void reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        )
      }
      return reply.type(CONTENT_TYPES[query.format]).send(body)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/assessments/:id/charter',
    summary: "Start an editable charter from the assessment's recommended charter",
    tags: ['charters'],
    params: assessmentParams,
    response: { 201: charterRecordSchema },
    handler: async ({ auth, params, reply }) => {
      const record = await getAssessment(deps, params.ws, params.id)
      const charter = await store.charters.create(actorOf(auth), params.ws, {
        assessmentId: record.id,
        charter: record.result.charter,
      })
      return reply.status(201).send(charterView(charter))
    },
  })
}

async function getAssessment(deps: RouteDeps, workspaceId: string, assessmentId: string) {
  const record = await deps.store.assessments.get(workspaceId, assessmentId)
  if (!record) throw new NotFoundError('assessment', assessmentId)
  return record
}
