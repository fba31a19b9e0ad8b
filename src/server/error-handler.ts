import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { ErrorCode } from '../contract/error-codes.js'
import type { Problem } from '../contract/issue.js'
import type { errorBodySchema } from './error-responses.js'
import { ERROR_CODES, statusFor } from '../contract/error-codes.js'
import { apiIssueFromProblem } from '../contract/issue.js'
import { AppError } from '../errors/app-error.js'
import { InsufficientScopeError } from '../errors/insufficient-scope-error.js'
import { RateLimitedError } from '../errors/rate-limited-error.js'

// Codes become HTTP statuses only through the contract's table (src/contract/error-codes.ts).
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = Object.fromEntries(
  ERROR_CODES.map((code) => [code, statusFor(code)]),
) as Record<ErrorCode, number>

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
  if (status >= 500) request.log.error({ err: error }, logMessage(error, known.publicMessage))
  else request.log.info({ code: known.code, status }, logMessage(error, known.publicMessage))
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
      message: known.publicMessage,
      ...(status === 400 || status === 422
        ? { issues: known.problems.map(apiIssueFromProblem) }
        : {}),
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
): { code: ErrorCode; publicMessage: string; problems: readonly Problem[] } | null {
  if (error instanceof AppError) return error
  const fastify = error as Partial<FastifyError> | null
  const code =
    typeof fastify?.statusCode === 'number' ? CODE_BY_FASTIFY_STATUS[fastify.statusCode] : undefined
  if (!code || typeof fastify?.message !== 'string') return null
  return { code, publicMessage: publicMessage(fastify as FastifyError), problems: [] }
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

// The log keeps the full message (ids included); only the reply uses the public one.
function logMessage(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback
}
