import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { ErrorCode, Problem } from '../errors/app-error.js'
import type { errorBodySchema } from './error-responses.js'
import { AppError } from '../errors/app-error.js'
import { InsufficientScopeError } from '../errors/insufficient-scope-error.js'
import { RateLimitedError } from '../errors/rate-limited-error.js'

// The only place where error codes become HTTP statuses (style.md "How an error looks here").
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  INVALID_PLAYBOOK: 400,
  USAGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEMO_FULL: 409,
  QUOTA_EXCEEDED: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  IO_ERROR: 500,
  GATE_NOT_MET: 422,
  MOVE_NOT_ALLOWED: 422,
  FORCE_NOT_ALLOWED: 422,
  REASON_REQUIRED: 422,
  ACKNOWLEDGEMENT_REQUIRED: 422,
  PROHIBITED_USE_CASE: 422,
}

// Fastify's own errors (body parsing, limits, content types, rate limit plugin), by status.
const CODE_BY_FASTIFY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'INVALID_INPUT',
  404: 'NOT_FOUND',
  413: 'TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

/** The contract's error body; its schema documents every error status in OpenAPI. */
export type ErrorBody = z.output<typeof errorBodySchema>

/** Turns any thrown value into the contract's error body; a bug becomes a bare 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const known = knownError(error)
  if (!known) {
    request.log.error({ err: error }, 'unhandled error')
    void reply.status(500).send({ error: { code: 'INTERNAL', requestId: request.id } })
    return
  }
  const status = STATUS_BY_CODE[known.code]
  if (status >= 500) request.log.error({ err: error }, known.message)
  else request.log.info({ code: known.code, status }, known.message)
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfter))
  // RFC 6750 §3.1: tells a client that another token, not another password, would help.
  if (error instanceof InsufficientScopeError)
    void reply.header('www-authenticate', 'Bearer error="insufficient_scope"')
  if (status >= 500) {
    void reply.status(status).send({ error: { code: 'INTERNAL', requestId: request.id } })
    return
  }
  const body: ErrorBody = {
    error: {
      code: known.code,
      message: known.code === 'NOT_FOUND' ? withoutIds(known.message) : known.message,
      ...(status === 400 || status === 422 ? { issues: known.problems.map(toIssue) } : {}),
      requestId: request.id,
    },
  }
  void reply.status(status).send(body)
}

/** 404 for paths no route matches, in the same shape as every other error. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({
    error: {
      code: 'NOT_FOUND',
      message: `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
      requestId: request.id,
    },
  })
}

function knownError(
  error: unknown,
): { code: ErrorCode; message: string; problems: readonly Problem[] } | null {
  if (error instanceof AppError) return error
  const fastify = error as Partial<FastifyError> | null
  const code =
    typeof fastify?.statusCode === 'number' ? CODE_BY_FASTIFY_STATUS[fastify.statusCode] : undefined
  if (!code || typeof fastify?.message !== 'string') return null
  return { code, message: publicMessage(fastify as FastifyError), problems: [] }
}

function publicMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is larger than this route accepts'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type; send application/json unless the route says otherwise'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty'
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the body is not valid JSON'
    default:
      return error.message
  }
}

// A 404 does not echo the id it was asked for: a response must never carry another workspace's
// ids, not even the caller's own guess (reliability.md §A canary sweep).
function withoutIds(message: string): string {
  return message.replace(/\s*"[^"]*"/g, '')
}

function toIssue(problem: Problem): { path: string; message: string } {
  const where = problem.row !== undefined ? `row ${problem.row}` : ''
  const path = [where, problem.field ?? ''].filter(Boolean).join(' ')
  return { path, message: problem.message }
}
