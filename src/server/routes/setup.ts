import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { SESSION_COOKIE } from '../auth/authenticate.js'
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js'
import { startSession } from '../auth/session-cookie.js'
import { defineRoute } from '../define-route.js'
import { isDemoEmail } from '../demo.js'
import { errorBodySchema } from '../error-responses.js'
import { contentResponse } from '../response-spec.js'
import { setupCheckSchema, setupResultSchema } from '../view-schemas.js'

const setupToken = z.string().min(1).max(200)
const setupBody = z.strictObject({
  token: setupToken,
  email: z
    .email()
    .max(254)
    .refine((email) => !isDemoEmail(email), 'an address at the demo domain cannot own a server'),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024),
})

/**
 * First-run setup: while no user exists, the server prints a one-time link with a token; whoever
 * holds it creates the first owner, and is signed in. `/setup` is the web app's setup page (the
 * token stays in the page; the API checks it), so a used or wrong link gets a page that says so.
 */
export function setupRoutes(app: FastifyInstance, deps: RouteDeps): void {
  let token = deps.setupToken

  defineRoute(app, {
    method: 'GET',
    url: '/setup',
    summary: 'The first-run page that creates the first owner (the web app)',
    tags: ['setup'],
    query: z.object({ token: z.string().max(200).optional() }),
    response: { 200: contentResponse('The setup page', { 'text/html': z.string() }) },
    handler: async ({ reply }) => {
      const page = await readFile(resolve(deps.webRoot, 'index.html'), 'utf8').catch(
        () => NOT_BUILT_PAGE,
      )
      return (
        reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          // The token is in this page's URL: no link followed from it may carry it away.
          .header('referrer-policy', 'no-referrer')
          .send(page)
      )
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/setup/check',
    summary: 'Whether a setup link still works (pending) or not (used: the owner exists)',
    tags: ['setup'],
    body: z.strictObject({ token: setupToken }),
    response: { 200: setupCheckSchema },
    handler: ({ body }) =>
      Promise.resolve({ status: matches(token, body.token) ? 'pending' : 'used' }),
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/setup',
    summary: 'Create the first owner with the one-time setup token; signs them in',
    tags: ['setup'],
    body: setupBody,
    response: { 201: setupResultSchema, 404: errorBodySchema, 409: errorBodySchema },
    handler: async ({ body, request, reply }) => {
      if (!matches(token, body.token)) throw new NotFoundError('setup', 'token')
      checkPasswordPolicy(body.password)
      const email = body.email.toLowerCase()
      const passwordHash = await hashPassword(body.password)
      // Checked again after the slow hash: two tabs racing with the same link make one owner.
      if (!matches(token, body.token)) throw new NotFoundError('setup', 'token')
      token = null
      try {
        const { user, workspace } = await deps.store.transaction(async (tx) => {
          const created = await tx.users.create({ email, name: body.name ?? email, passwordHash })
          const first = await tx.workspaces.create({ userId: created.id }, { name: 'My workspace' })
          return { user: created, workspace: first }
        })
        await startSession(deps, reply, user.id, request.cookies[SESSION_COOKIE])
        return reply.status(201).send({
          user: { id: user.id, email: user.email, name: user.name },
          workspace: { id: workspace.id, name: workspace.name, role: 'owner' },
        })
      } catch (error) {
        token = deps.setupToken
        throw error
      }
    },
  })
}

function matches(expected: string | null, given: string | undefined): boolean {
  if (expected === null || given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem setup</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font:16px system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>Tandem setup</h1>
<p>The web app is not built, so the setup page cannot be shown. Run <code>npm run build</code> and
open this link again, or create the first owner from the command line:</p>
<pre>tandem admin create-user --email you@example.com --password-stdin</pre></body></html>
`
