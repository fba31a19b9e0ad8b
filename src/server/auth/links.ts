import type { FastifyRequest } from 'fastify'
import type { ServerConfig } from '../config.js'

// One-time links (invitations, password resets) point at the web app's hash routes: the token
// rides in the fragment, which browsers never send to a server, so it reaches no access log,
// proxy or Referer header. The API receives it in a POST body only.

/** The server's origin as browsers reach it: TANDEM_PUBLIC_ORIGIN, else this request's. */
export function publicOrigin(request: FastifyRequest, config: ServerConfig): string {
  return config.publicOrigin ?? `${request.protocol}://${request.host}`
}

/** `https://tandem.example/#/invitation/<token>` and the like. */
export function webLink(
  request: FastifyRequest,
  config: ServerConfig,
  page: 'invitation' | 'reset-password',
  token: string,
): string {
  return `${publicOrigin(request, config)}/#/${page}/${token}`
}
