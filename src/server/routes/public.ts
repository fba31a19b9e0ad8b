import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ClassifiedUseCase } from '../../engine/stakes/index.js'
import type { RouteDeps } from '../route-deps.js'
import { assess } from '../../engine/assess.js'
import { profileSchema } from '../../engine/profile-schema.js'
import { classifiedUseCaseSchema, classify } from '../../engine/stakes/index.js'
import { NotFoundError } from '../../errors/not-found-error.js'
import { RateLimitedError } from '../../errors/rate-limited-error.js'
import { UnauthenticatedError } from '../../errors/unauthenticated-error.js'
import { defineRoute } from '../define-route.js'
import { WindowLimiter } from '../window-limiter.js'

const RATE_WINDOW_MS = 60_000

/** Health probes, the stateless assessment and the public view of the default playbook. */
export function publicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store, playbook } = deps
  const limiter = new WindowLimiter(RATE_WINDOW_MS)
  defineRoute(app, {
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['health'],
    handler: () => Promise.resolve({ status: 'ok' }),
  })

  defineRoute(app, {
    method: 'GET',
    url: '/readyz',
    summary: 'Readiness: the database answers',
    tags: ['health'],
    handler: async ({ request, reply }) => {
      try {
        await store.ping()
        return { status: 'ready' }
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable')
        return reply.status(503).send({ status: 'unavailable', requestId: request.id })
      }
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/assess',
    summary: 'Assess a profile (tandem/profile@1) without storing it',
    tags: ['assess'],
    body: profileSchema,
    handler: ({ auth, body, request }) => {
      if (!deps.config.publicAssess && !auth.user) {
        throw new UnauthenticatedError(
          'anonymous assessments are turned off on this server; sign in',
        )
      }
      limitRate(deps, limiter, request, auth.user?.id ?? null)
      return Promise.resolve(assess(body, playbook))
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/classify',
    summary: 'Classify one AI use case under the EU AI Act (not legal advice)',
    tags: ['assess'],
    body: classifiedUseCaseSchema,
    handler: ({ auth, body, request }) => {
      if (!deps.config.publicAssess && !auth.user) {
        throw new UnauthenticatedError(
          'anonymous classification is turned off on this server; sign in',
        )
      }
      if (!playbook.classifier) throw new NotFoundError('classifier', playbook.id)
      limitRate(deps, limiter, request, auth.user?.id ?? null)
      // zod types absent optionals as `undefined`; the engine's type (exactOptionalPropertyTypes) omits them.
      const useCase = Object.fromEntries(
        Object.entries(body).filter(([, value]) => value !== undefined),
      ) as ClassifiedUseCase
      return Promise.resolve(classify(useCase, playbook.classifier))
    },
  })

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/playbook',
    summary: "The default playbook's public view: questionnaire and structures",
    tags: ['assess'],
    handler: () => Promise.resolve(publicPlaybook(deps)),
  })
}

/** What a client needs to build a questionnaire: no rules, no thresholds. */
function publicPlaybook(deps: RouteDeps) {
  const { playbook } = deps
  return {
    id: playbook.id,
    version: playbook.version,
    title: playbook.title,
    questionnaire: playbook.questionnaire,
    structures: Object.entries(playbook.doc.structures).map(([structureId, structure]) => ({
      id: structureId,
      label: structure.label,
      seats: structure.seats,
    })),
  }
}

function limitRate(
  deps: RouteDeps,
  limiter: WindowLimiter,
  request: FastifyRequest,
  userId: string | null,
): void {
  const key = userId ? `user:${userId}` : `ip:${request.ip}`
  const now = deps.now().getTime()
  const hit = limiter.hit(key, now)
  if (hit.count > deps.config.assessRatePerMinute) {
    const retryAfter = Math.max(1, Math.ceil((hit.resetAt - now) / 1000))
    throw new RateLimitedError(
      `more than ${deps.config.assessRatePerMinute} requests a minute; retry in ${retryAfter} s`,
      retryAfter,
    )
  }
}
