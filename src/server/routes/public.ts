import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ClassifiedUseCase } from '../../engine/stakes/index.js'
import type { RateLimiter } from '../rate-limiter.js'
import type { RouteDeps } from '../route-deps.js'
import type { Store } from '../../store/store.js'
import { z } from 'zod'
import { assess } from '../../engine/assess.js'
import { summarize } from '../../engine/summarize.js'
import { assessmentSchema, classificationSchema } from '../../engine/assessment-schema.js'
import { profileSchema } from '../../engine/profile-schema.js'
import { classifiedUseCaseSchema, classify } from '../../engine/stakes/index.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'
import { UnauthenticatedError } from '../../errors/unauthenticated-error.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { ASSESS_RATE_WINDOW_MS, createRateLimiter } from '../rate-limiter.js'
import { compactAssessmentSchema, publicPlaybookSchema } from '../view-schemas.js'
import { classifierQuestions } from '../../engine/stakes/classifier-questions.js'
import { fastPath } from '../reply-serializer.js'

// Keys of this limit in the shared `rate_limits` table (TANDEM_RATE_LIMIT=database).
const RATE_KEY_PREFIX = 'assess:'
// The row readiness writes to prove the database takes writes.
const READINESS_KEY = 'readyz:probe'

/** Health probes, the stateless assessment and the public view of the default playbook. */
export function publicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, playbook } = deps
  const limiter = createRateLimiter(
    deps.config.rateLimit,
    store,
    ASSESS_RATE_WINDOW_MS,
    RATE_KEY_PREFIX,
  )
  defineRoute(app, {
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['health'],
    response: { 200: z.strictObject({ status: z.literal('ok') }) },
    handler: () => Promise.resolve({ status: 'ok' }),
  })

  defineRoute(app, {
    method: 'GET',
    url: '/readyz',
    summary: 'Readiness: the database answers and takes a write',
    tags: ['health'],
    response: {
      200: z.strictObject({ status: z.literal('ready') }),
      503: z.strictObject({
        status: z.literal('unavailable'),
        reason: z.string(),
        requestId: z.string(),
      }),
    },
    handler: async ({ request, reply }) => {
      const problem = await databaseProblem(store)
      if (problem === null) return { status: 'ready' }
      request.log.error({ err: problem.error }, problem.reason)
      return reply
        .status(503)
        .send({ status: 'unavailable', reason: problem.reason, requestId: request.id })
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/assess',
    summary:
      'Assess a profile (tandem/profile@1) without storing it; `detail=summary` answers the compact form',
    tags: ['assess'],
    query: z.strictObject({
      detail: z
        .enum(['full', 'summary'])
        .default('full')
        .describe('`summary`: structure, levels and anti-patterns only (about 0.3 KB)'),
    }),
    body: profileSchema,
    response: {
      200: fastPath(z.union([assessmentSchema, compactAssessmentSchema])),
      401: errorBodySchema,
      429: errorBodySchema,
    },
    handler: async ({ auth, body, query, request }) => {
      if (!deps.config.publicAssess && !auth.user) {
        throw new UnauthenticatedError(
          'anonymous assessments are turned off on this server; sign in',
        )
      }
      await limitRate(deps, limiter, request, auth.user?.id ?? null)
      return query.detail === 'summary' ? summarize(body, playbook) : assess(body, playbook)
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/classify',
    summary: 'Classify one AI use case under the EU AI Act (not legal advice)',
    tags: ['assess'],
    body: classifiedUseCaseSchema,
    response: {
      200: classificationSchema,
      401: errorBodySchema,
      404: errorBodySchema,
      429: errorBodySchema,
    },
    handler: async ({ auth, body, request }) => {
      if (!deps.config.publicAssess && !auth.user) {
        throw new UnauthenticatedError(
          'anonymous classification is turned off on this server; sign in',
        )
      }
      const classifier = playbook.classifier
      if (!classifier) throw new NotFoundError('classifier', playbook.id)
      await limitRate(deps, limiter, request, auth.user?.id ?? null)
      // zod types absent optionals as `undefined`; the engine's type (exactOptionalPropertyTypes) omits them.
      const useCase = Object.fromEntries(
        Object.entries(body).filter(([, value]) => value !== undefined),
      ) as ClassifiedUseCase
      return classify(useCase, classifier)
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/playbook',
    summary: "The default playbook's public view: questionnaire and structures",
    tags: ['assess'],
    response: { 200: publicPlaybookSchema },
    handler: () => Promise.resolve(publicPlaybook(deps)),
  })
}

/**
 * Why the database cannot serve, or null. A read is not enough (reliability.md §G): a read-only data
 * directory or a full disk still answers reads while every write and sign-in fails, so readiness
 * also commits one small write (an upsert of its own row in the rate-limit table).
 */
async function databaseProblem(store: Store): Promise<{ reason: string; error: unknown } | null> {
  try {
    await store.ping()
  } catch (error) {
    return { reason: 'the database does not answer', error }
  }
  try {
    await store.rateLimits.hit(READINESS_KEY, 60_000)
  } catch (error) {
    return { reason: 'the database cannot be written', error }
  }
  return null
}

/** What a client needs to build a questionnaire: no rules, no thresholds. */
function publicPlaybook(deps: RouteDeps) {
  const { playbook } = deps
  return {
    id: playbook.id,
    version: playbook.version,
    title: playbook.title,
    questionnaire: playbook.questionnaire,
    today: playbook.today,
    classifier: playbook.classifier ? classifierQuestions(playbook.classifier) : null,
    structures: Object.entries(playbook.doc.structures).map(([structureId, structure]) => ({
      id: structureId,
      label: structure.label,
      seats: structure.seats,
    })),
  }
}

/** Counts the request against the assess/classify limit; over it, throws RateLimitedError. */
async function limitRate(
  deps: RouteDeps,
  limiter: RateLimiter,
  request: FastifyRequest,
  userId: string | null,
): Promise<void> {
  const key = userId ? `user:${userId}` : `ip:${request.ip}`
  const now = deps.now().getTime()
  const hit = await limiter.hit(key, now)
  if (hit.count > deps.config.assessRatePerMinute) {
    const retryAfter = Math.max(1, Math.ceil((hit.resetAt - now) / 1000))
    throw new RateLimitedError(
      `more than ${deps.config.assessRatePerMinute} requests a minute; retry in ${retryAfter} s`,
      retryAfter,
    )
  }
}
