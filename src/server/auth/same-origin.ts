import type { FastifyRequest } from 'fastify'
import type { ServerConfig } from '../config.js'

/**
 * CSRF defence (reliability.md §B): a browser write is accepted only from this server's own pages,
 * by `Sec-Fetch-Site: same-origin` or an `Origin` equal to the server's origin.
 */
export function isSameOrigin(request: FastifyRequest, config: ServerConfig): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const origin = request.headers.origin
  if (origin === undefined) return false
  const expected = config.publicOrigin ?? `${request.protocol}://${request.host}`
  return origin === expected
}
