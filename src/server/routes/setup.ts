import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { NotFoundError } from '../../errors/not-found-error.js'
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js'
import { defineRoute } from '../define-route.js'
import { errorBodySchema } from '../error-responses.js'
import { contentResponse } from '../response-spec.js'
import { setupResultSchema } from '../view-schemas.js'

const setupBody = z.strictObject({
  token: z.string().min(1).max(200),
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024),
})

/**
 * First-run setup: while no user exists, the server prints a one-time link with a token; whoever
 * holds it creates the first owner. Afterwards both routes answer 404.
 */
export function setupRoutes(app: FastifyInstance, deps: RouteDeps): void {
  let token = deps.setupToken

  defineRoute(app, {
    method: 'GET',
    url: '/setup',
    summary: 'The first-run page that creates the first owner',
    tags: ['setup'],
    query: z.object({ token: z.string().max(200).optional() }),
    response: {
      200: contentResponse('The setup page', { 'text/html': z.string() }),
      404: errorBodySchema,
    },
    handler: ({ query, reply }) => {
      if (!matches(token, query.token)) throw new NotFoundError('page', '/setup')
      return Promise.resolve(
        reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
          )
          .header('referrer-policy', 'no-referrer')
          .send(SETUP_PAGE),
      )
    },
  })

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/setup',
    summary: 'Create the first owner with the one-time setup token',
    tags: ['setup'],
    body: setupBody,
    response: { 201: setupResultSchema, 404: errorBodySchema, 409: errorBodySchema },
    handler: async ({ body, reply }) => {
      if (!matches(token, body.token)) throw new NotFoundError('setup', 'token')
      checkPasswordPolicy(body.password)
      const email = body.email.toLowerCase()
      const passwordHash = await hashPassword(body.password)
      const { user, workspace } = await deps.store.transaction(async (tx) => {
        const created = await tx.users.create({ email, name: body.name ?? email, passwordHash })
        const first = await tx.workspaces.create({ userId: created.id }, { name: 'My workspace' })
        return { user: created, workspace: first }
      })
      token = null
      return reply.status(201).send({
        user: { id: user.id, email: user.email, name: user.name },
        workspace: { id: workspace.id, name: workspace.name, role: 'owner' },
      })
    },
  })
}

function matches(expected: string | null, given: string | undefined): boolean {
  if (expected === null || given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

const SETUP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem setup</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:1rem 0 .25rem}input{width:100%;padding:.5rem;font:inherit}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit}#out{margin-top:1rem}</style></head>
<body><h1>Create the first owner</h1>
<p>This link works once. The account you create owns a first workspace.</p>
<form id="f"><label for="email">Email</label><input id="email" type="email" required autocomplete="username">
<label for="name">Name</label><input id="name" autocomplete="name">
<label for="password">Password (8 to 128 characters)</label>
<input id="password" type="password" required minlength="8" maxlength="128" autocomplete="new-password">
<button type="submit">Create owner</button></form><p id="out" role="status"></p>
<script>
document.getElementById('f').addEventListener('submit', async (event) => {
  event.preventDefault()
  const out = document.getElementById('out')
  const body = { token: new URLSearchParams(location.search).get('token') || '',
    email: document.getElementById('email').value, password: document.getElementById('password').value }
  const name = document.getElementById('name').value.trim()
  if (name) body.name = name
  const res = await fetch('/api/v1/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = await res.json().catch(() => ({}))
  if (res.ok) { out.textContent = 'Done. Sign in at the start page.'; setTimeout(() => { location.href = '/' }, 1500) }
  else out.textContent = (data.error && (data.error.issues && data.error.issues.length ? data.error.issues.map((i) => i.path + ': ' + i.message).join('; ') : data.error.message)) || 'Setup failed.'
})
</script></body></html>
`
