import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import { handleNotFound } from '../error-handler.js'

/**
 * Serves the built web app at `/`, with the SPA fallback: a GET for a non-API path that is not a
 * file gets `index.html`. Without a build, `/` says how to make one.
 */
export async function webRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const root = resolve(deps.webRoot)
  const built = existsSync(resolve(root, 'index.html'))
  if (!built) {
    // Hidden from OpenAPI like the built app's routes (@fastify/static's schemaHide): not API.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        // Its one inline style; the app's policy (build-app.ts) allows none.
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        )
        .send(NOT_BUILT_PAGE),
    )
    app.setNotFoundHandler(handleNotFound)
    return
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: ['index.html'] })
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? ''
    const apiPath = /^\/(api|healthz|readyz|setup)(\/|$)/i.test(path)
    if (request.method === 'GET' && !apiPath && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html')
    }
    handleNotFound(request, reply)
    return reply
  })
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem</title></head>
<body style="font:16px system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>Tandem API is running</h1>
<p>The web app is not built yet. Run <code>npm run build:web</code> (it writes <code>dist/web</code>) and restart the server.</p>
<p>The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>
`
