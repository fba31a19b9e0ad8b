import type { FastifyInstance } from 'fastify'
import type { WorkspaceExport } from '../../store/workspace-export-format.js'
import type { RouteDeps } from '../route-deps.js'
import { Readable } from 'node:stream'
import { z } from 'zod'
import { nameText } from '../../contract/text.js'
import { MAX_DOCUMENT_BYTES } from '../../io/limits.js'
import { compilePlaybook } from '../../engine/compile-playbook.js'
import { profileSchema } from '../../engine/profile-schema.js'
import { InvalidInputError } from '../../errors/invalid-input-error.js'
import { parseYaml } from '../../io/parse-yaml.js'
import { WORKSPACE_EXPORT_SCHEMA } from '../../store/workspace-export-format.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import {
  auditRowSchema,
  createdPlaybookSchema,
  playbookSummarySchema,
  portfolioSchema,
  workspaceSchema,
} from '../view-schemas.js'
import { auditView, playbookView, workspaceView } from '../views.js'
import { charterSchema } from './charters.js'
import { actorOf, id, wsParams } from './workspaces.js'
import { problemFromIssue } from '../../contract/issue.js'
import { compactStrings } from '../../io/compact-strings.js'
import { refuseDemo } from '../demo.js'
import { pageOf, pageQuery } from '../page-query.js'

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml']
const jsonObject = z.record(z.string(), z.unknown())
const at = z.string().min(1).max(40)

// The export format, checked before anything is written; assessment results are stored as they were.
const exportSchema = z.strictObject({
  schema: z.literal(WORKSPACE_EXPORT_SCHEMA),
  exportedAt: at,
  workspace: z.strictObject({ id, name: nameText() }),
  organizations: z.array(
    z.strictObject({
      id,
      name: nameText(),
      versions: z
        .array(
          z.strictObject({
            version: z.number().int().min(1),
            profile: profileSchema,
            createdAt: at,
            createdBy: id,
          }),
        )
        .min(1),
    }),
  ),
  assessments: z.array(
    z.strictObject({
      id,
      organizationId: id,
      profileVersion: z.number().int().min(1),
      createdAt: at,
      createdBy: id,
      result: jsonObject,
    }),
  ),
  charters: z.array(
    z.strictObject({
      id,
      assessmentId: id,
      versions: z
        .array(
          z.strictObject({
            version: z.number().int().min(1),
            charter: charterSchema,
            createdAt: at,
            createdBy: id,
          }),
        )
        .min(1),
    }),
  ),
  playbooks: z.array(
    z.strictObject({
      id,
      playbookId: id,
      version: z.string().min(1).max(100),
      mediaType: z.string().min(1).max(100),
      source: z.string().max(MAX_DOCUMENT_BYTES),
      document: z.unknown(),
      createdAt: at,
      createdBy: id,
    }),
  ),
  // The register and the meetings (operate.md §5); the store checks their links on import.
  register: z
    .array(
      z.strictObject({
        organizationId: id,
        seats: z.array(
          z.strictObject({
            seat: z.string().min(1).max(60),
            memberId: id,
            role: z.enum(['holder', 'delegate']),
            from: z.string().max(10),
            to: z.string().max(10).nullable(),
          }),
        ),
        initiatives: z.array(
          z.looseObject({
            id,
            title: z.string().min(1).max(200),
            createdBy: id,
            history: z.array(jsonObject).min(1),
            reviews: z.array(jsonObject),
            measurements: z.array(jsonObject),
            overrides: z.array(jsonObject),
            acknowledgements: z.array(jsonObject),
          }),
        ),
        acknowledgements: z.array(jsonObject),
      }),
    )
    .optional(),
  meetings: z
    .array(
      z.looseObject({
        organizationId: id,
        date: z.string().max(10),
        createdBy: id,
        decisions: z.array(jsonObject),
      }),
    )
    .optional(),
})

/** Custom playbooks, workspace export and import, the portfolio and the audit log. */
export function workspaceDataRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/playbooks',
    summary: "The workspace's uploaded playbooks",
    tags: ['playbooks'],
    params: wsParams,
    response: { 200: z.array(playbookSummarySchema) },
    handler: async ({ params }) => (await store.playbooks.list(params.ws)).map(playbookView),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/:ws/playbooks',
    summary: 'Upload a playbook (YAML text or JSON); it is validated before it is stored',
    tags: ['playbooks'],
    params: wsParams,
    rawBody: { contentTypes: YAML_TYPES, limit: deps.config.importLimit },
    response: { 201: createdPlaybookSchema, 409: errorBodySchema },
    handler: async ({ auth, params, request, reply }) => {
      const raw: unknown = request.body
      const isText = typeof raw === 'string'
      const document = isText ? parseYaml(raw, 'playbook') : raw
      // Compacted where playbooks are loaded (src/io/compact-strings.ts), as from a file.
      const compiled = compilePlaybook(compactStrings(document))
      if (!compiled.ok) {
        throw new InvalidInputError(
          'the playbook is invalid',
          compiled.error.map((issue) => problemFromIssue(issue)),
        )
      }
      const record = await store.playbooks.create(actorOf(auth), params.ws, {
        playbookId: compiled.value.id,
        version: compiled.value.version,
        mediaType: isText ? 'application/yaml' : 'application/json',
        source: isText ? raw : JSON.stringify(raw, null, 2),
        document,
      })
      return reply
        .status(201)
        .send({ id: record.id, playbookId: record.playbookId, version: record.version })
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/export',
    summary: 'The whole workspace as JSON (tandem/workspace-export@1), for backup or moving',
    tags: ['workspaces'],
    params: wsParams,
    // The export is what POST /api/v1/workspaces/import accepts.
    response: { 200: exportSchema },
    handler: async ({ params, reply }) => {
      const chunks = store.workspaces.exportStream(params.ws)
      // The first chunk is read before answering, so an unknown workspace is still a 404.
      const first = await chunks.next()
      async function* all(): AsyncGenerator<string> {
        if (first.done !== true) yield first.value
        yield* chunks
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="workspace-${params.ws}.json"`)
        .send(Readable.from(all()))
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/workspaces/import',
    summary: 'Create a new workspace from an export; every id is new',
    tags: ['workspaces'],
    body: exportSchema,
    // Playbook sources are whole documents; every other string keeps the default limit's spirit
    // through its own schema.
    maxTextLength: MAX_DOCUMENT_BYTES,
    response: { 201: workspaceSchema },
    handler: async ({ auth, body, reply }) => {
      refuseDemo(auth, 'create workspaces')
      const workspace = await store.workspaces.import(actorOf(auth), toExport(body))
      return reply.status(201).send(workspaceView({ ...workspace, role: 'owner' }))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/portfolio',
    summary:
      "Structures and anti-patterns across each organization's latest assessment; mismatches a page at a time",
    tags: ['workspaces'],
    params: wsParams,
    query: z.strictObject(pageQuery(50, 200)),
    response: { 200: portfolioSchema },
    handler: async ({ params, query }) => {
      const portfolio = await store.organizations.portfolio(params.ws, pageOf(query))
      return {
        assessed: portfolio.assessed,
        byStructure: { ...portfolio.byStructure },
        antiPatterns: portfolio.antiPatterns.map((a) => ({ id: a.id, count: a.count })),
        mismatches: portfolio.mismatches.map((m) => ({
          organizationId: m.organizationId,
          name: m.name,
          current: m.current,
          recommended: m.recommended,
        })),
        mismatchTotal: portfolio.mismatchTotal,
        nextCursor: portfolio.nextCursor,
      }
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/workspaces/:ws/audit',
    summary: 'The audit log, newest first (owner)',
    tags: ['workspaces'],
    params: wsParams,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: id.optional(),
    }),
    response: { 200: z.array(auditRowSchema) },
    handler: async ({ params, query }) => {
      const rows = await store.audit.list(params.ws, {
        limit: query.limit,
        ...(query.before ? { before: query.before } : {}),
      })
      return rows.map(auditView)
    },
  })
}

function toExport(body: z.output<typeof exportSchema>): WorkspaceExport {
  // Results, charters and playbook documents were validated above as far as the store needs; the
  // engine's own types are nominally stricter than the JSON the export carries.
  return body as unknown as WorkspaceExport
}
