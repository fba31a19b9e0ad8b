import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../route-deps.js'
import { z } from 'zod'
import { itemsForSeats } from '../../engine/operations/items-for-seats.js'
import { tokenReaches } from '../auth/auth-context.js'
import { defineRoute } from '../define-route.js'
import { loadOperations } from '../operations/load-operations.js'
import { requireUser } from './auth.js'

export const myItemsSchema = z.strictObject({
  asOf: z.string(),
  items: z.array(
    z.strictObject({
      workspaceId: z.string(),
      organizationId: z.string(),
      organization: z.string(),
      kind: z.enum(['review', 'decision', 'gate']),
      seat: z.string(),
      text: z.string(),
      initiative: z.string().optional(),
      decision: z.string().optional(),
      lens: z.enum(['cto', 'caio']).optional(),
      due: z.string().optional(),
    }),
  ),
})

/**
 * "My items" (operate.md §4): across every workspace the caller belongs to, the lens reviews,
 * decisions and gate items waiting on the seats they are assigned today.
 */
export function myItemRoutes(app: FastifyInstance, deps: RouteDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/items',
    summary:
      'Lens reviews, decisions and gate items waiting on the seats you hold, in every workspace',
    tags: ['register'],
    response: { 200: myItemsSchema },
    handler: async ({ auth }) => {
      const user = requireUser(auth.user)
      const asOf = deps.now().toISOString().slice(0, 10)
      const assignments = (await deps.store.seats.forMember(user.id)).filter(
        (a) =>
          a.from <= asOf && (a.to === null || a.to >= asOf) && tokenReaches(auth, a.workspaceId),
      )
      const byOrganization = new Map<
        string,
        { workspaceId: string; organizationId: string; seats: string[] }
      >()
      for (const a of assignments) {
        const key = `${a.workspaceId}/${a.organizationId}`
        const entry = byOrganization.get(key) ?? {
          workspaceId: a.workspaceId,
          organizationId: a.organizationId,
          seats: [],
        }
        entry.seats.push(a.seat)
        byOrganization.set(key, entry)
      }
      const items: z.output<typeof myItemsSchema>['items'] = []
      for (const entry of byOrganization.values()) {
        // Membership is read on every request: a removed member sees nothing of the workspace.
        if ((await deps.store.members.role(entry.workspaceId, user.id)) === null) continue
        const loaded = await loadOperations(deps.store, entry.workspaceId, entry.organizationId)
        for (const item of itemsForSeats(loaded.operations, deps.playbook, entry.seats, asOf)) {
          items.push({
            workspaceId: entry.workspaceId,
            organizationId: entry.organizationId,
            organization: loaded.organization.name,
            ...item,
          })
        }
      }
      return { asOf, items }
    },
  })
}
