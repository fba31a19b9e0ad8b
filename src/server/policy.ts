import type { RouteOptions } from 'fastify'
import type { Role } from '../contract/roles.js'

// Who may call which route: ONE table (reliability.md §A "deny by default"). A route that is in
// neither POLICY nor PUBLIC_ROUTES cannot be registered: build-app refuses it at start.

export type WorkspaceRole = Role

/** `user`: any signed-in user; a role: that role or a higher one in the `:ws` workspace. */
export type Requirement = 'user' | WorkspaceRole

const WS = '/api/v1/workspaces/:ws'

export const PUBLIC_ROUTES: readonly string[] = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'POST /api/v1/assess',
  'POST /api/v1/classify',
  'GET /api/v1/playbook',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/demo',
  'GET /setup',
  'POST /api/v1/setup',
  'POST /api/v1/setup/check',
  'POST /api/v1/invitations/lookup',
  'POST /api/v1/invitations/accept',
  'POST /api/v1/password-resets/lookup',
  'POST /api/v1/password-resets/complete',
  // A calendar feed's URL carries its own secret (operate.md §4); revoking it ends access at once.
  'GET /api/v1/calendar/:feed',
]

/** Route prefixes served by plugins that own many paths (API docs, the web app). */
export const PUBLIC_PREFIXES: readonly string[] = [
  'GET /api/docs',
  'HEAD /api/docs',
  'GET /*',
  'HEAD /*',
  'GET /',
  'HEAD /',
]

export const POLICY: Readonly<Record<string, Requirement>> = {
  'POST /api/v1/auth/logout': 'user',
  'POST /api/v1/auth/password': 'user',
  'GET /api/v1/me': 'user',
  'GET /api/v1/tokens': 'user',
  'POST /api/v1/tokens': 'user',
  'DELETE /api/v1/tokens/:id': 'user',
  'GET /api/v1/workspaces': 'user',
  'POST /api/v1/workspaces': 'user',
  'POST /api/v1/workspaces/import': 'user',
  [`GET ${WS}`]: 'viewer',
  [`PATCH ${WS}`]: 'owner',
  [`GET ${WS}/members`]: 'viewer',
  [`POST ${WS}/members`]: 'owner',
  [`PATCH ${WS}/members/:userId`]: 'owner',
  [`DELETE ${WS}/members/:userId`]: 'owner',
  [`GET ${WS}/invitations`]: 'owner',
  [`POST ${WS}/invitations`]: 'owner',
  [`DELETE ${WS}/invitations/:id`]: 'owner',
  [`GET ${WS}/password-resets`]: 'owner',
  [`POST ${WS}/members/:userId/password-reset`]: 'owner',
  [`DELETE ${WS}/password-resets/:id`]: 'owner',
  [`GET ${WS}/organizations`]: 'viewer',
  [`POST ${WS}/organizations`]: 'editor',
  [`GET ${WS}/organizations/:org`]: 'viewer',
  [`PUT ${WS}/organizations/:org/profile`]: 'editor',
  [`GET ${WS}/organizations/:org/versions`]: 'viewer',
  [`DELETE ${WS}/organizations/:org`]: 'editor',
  [`POST ${WS}/organizations/:org/assessments`]: 'editor',
  [`GET ${WS}/organizations/:org/assessments`]: 'viewer',
  [`GET ${WS}/assessments/:id`]: 'viewer',
  [`GET ${WS}/assessments/:id/report`]: 'viewer',
  [`GET ${WS}/assessments/:id/briefs`]: 'viewer',
  [`POST ${WS}/assessments/:id/charter`]: 'editor',
  [`GET ${WS}/charters/:id`]: 'viewer',
  [`PUT ${WS}/charters/:id`]: 'editor',
  [`GET ${WS}/charters/:id/versions`]: 'viewer',
  [`GET ${WS}/charters/:id/export`]: 'viewer',
  [`GET ${WS}/playbooks`]: 'viewer',
  [`POST ${WS}/playbooks`]: 'editor',
  [`POST ${WS}/imports`]: 'editor',
  [`GET ${WS}/imports/:id`]: 'viewer',
  [`GET ${WS}/imports/:id/errors`]: 'viewer',
  [`GET ${WS}/export`]: 'owner',
  [`GET ${WS}/portfolio`]: 'viewer',
  [`GET ${WS}/audit`]: 'owner',
  // Operate (operate.md §5): viewers read, editors write, and members act for a seat (SEAT_ROUTES).
  [`GET ${WS}/organizations/:org/initiatives`]: 'viewer',
  [`POST ${WS}/organizations/:org/initiatives`]: 'editor',
  [`GET ${WS}/organizations/:org/initiatives/export`]: 'viewer',
  [`POST ${WS}/organizations/:org/initiatives/import`]: 'editor',
  [`GET ${WS}/initiatives/:id`]: 'viewer',
  [`PATCH ${WS}/initiatives/:id`]: 'editor',
  [`POST ${WS}/initiatives/:id/reviews`]: 'viewer',
  [`POST ${WS}/initiatives/:id/stage`]: 'viewer',
  [`POST ${WS}/initiatives/:id/gate-acknowledgements`]: 'viewer',
  [`POST ${WS}/initiatives/:id/measurements`]: 'editor',
  [`GET ${WS}/organizations/:org/meetings`]: 'viewer',
  [`POST ${WS}/organizations/:org/meetings`]: 'editor',
  [`GET ${WS}/meetings/:id`]: 'viewer',
  [`PATCH ${WS}/meetings/:id`]: 'editor',
  [`PATCH ${WS}/decisions/:id`]: 'editor',
  [`GET ${WS}/organizations/:org/seats`]: 'viewer',
  [`PUT ${WS}/organizations/:org/seats`]: 'editor',
  [`GET ${WS}/organizations/:org/signals`]: 'viewer',
  [`GET ${WS}/organizations/:org/agenda`]: 'viewer',
  [`POST ${WS}/organizations/:org/signals/acknowledgements`]: 'editor',
  [`GET ${WS}/organizations/:org/calendar-feeds`]: 'viewer',
  [`POST ${WS}/organizations/:org/calendar-feeds`]: 'editor',
  [`DELETE ${WS}/organizations/:org/calendar-feeds/:id`]: 'editor',
  'GET /api/v1/me/items': 'user',
  'GET /api/v1/me/calendar-feeds': 'user',
  'POST /api/v1/me/calendar-feeds': 'user',
  'DELETE /api/v1/me/calendar-feeds/:id': 'user',
}

/**
 * Routes where a member acts for a seat of the organization: any member may call them, and the
 * handler then requires a seat assignment running today — or, in an organization with none, the
 * owner or editor role (operate.md §5). Without either the answer is 403.
 */
export const SEAT_ROUTES: readonly string[] = [
  `POST ${WS}/initiatives/:id/reviews`,
  `POST ${WS}/initiatives/:id/stage`,
  `POST ${WS}/initiatives/:id/gate-acknowledgements`,
]

/**
 * Routes no API token may call, whatever its scope: credentials are managed from a signed-in
 * session only, so a leaked token cannot mint a successor that outlives its revocation, nor lock
 * its owner out by changing the password (docs/decisions.md, "Scoped API tokens").
 */
export const SESSION_ONLY_ROUTES: readonly string[] = [
  'POST /api/v1/tokens',
  'POST /api/v1/auth/password',
  // A reset link hands over a whole account: a token restricted to one workspace must not
  // reach a member's others through it.
  `POST ${WS}/members/:userId/password-reset`,
]

export type Access =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'protected'
      readonly requirement: Requirement
      /** In SESSION_ONLY_ROUTES: a signed-in session may call it, an API token may not. */
      readonly sessionOnly: boolean
    }

/** The access rule for a registered route, or null when the route is in neither list. */
export function accessFor(method: string, url: string): Access | null {
  // Fastify adds a HEAD route beside every GET; it has the GET's rule.
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`
  const requirement = POLICY[key]
  if (requirement) {
    return { kind: 'protected', requirement, sessionOnly: SESSION_ONLY_ROUTES.includes(key) }
  }
  if (PUBLIC_ROUTES.includes(key)) return { kind: 'public' }
  if (PUBLIC_PREFIXES.some((prefix) => key === prefix || key.startsWith(`${prefix}/`))) {
    return { kind: 'public' }
  }
  return null
}

/** onRoute hook: gives each route its access rule, and refuses a route that has none. */
export function attachAccess(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  for (const method of methods) {
    const access = accessFor(method, route.url)
    if (!access) {
      throw new Error(`route ${method} ${route.url} is in neither the policy nor the public list`)
    }
    route.config = { ...route.config, access }
  }
}

export { roleAllows } from '../contract/roles.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set for every route by build-app's onRoute hook from this file's tables. */
    access?: Access
    /** Non-JSON content types the route accepts (define-route.ts `rawBody`). */
    rawContentTypes?: readonly string[]
    /** The longest string a JSON body may hold, beyond the default (define-route.ts). */
    maxTextLength?: number
  }
}
