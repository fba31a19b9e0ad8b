import type { FastifyInstance } from 'fastify'
import type { ImportWorker } from '../import-worker.js'
import type { RouteDeps } from '../route-deps.js'
import { accountRoutes } from './account.js'
import { assessmentRoutes } from './assessments.js'
import { authRoutes } from './auth.js'
import { importRoutes } from './imports.js'
import { invitationRoutes } from './invitations.js'
import { calendarRoutes } from './calendar.js'
import { charterRoutes } from './charters.js'
import { initiativeActionRoutes } from './initiative-actions.js'
import { initiativeRoutes } from './initiatives.js'
import { meetingRoutes } from './meetings.js'
import { myItemRoutes } from './my-items.js'
import { seatRoutes } from './seats.js'
import { signalRoutes } from './signals.js'
import { organizationRoutes } from './organizations.js'
import { passwordResetRoutes } from './password-resets.js'
import { publicRoutes } from './public.js'
import { setupRoutes } from './setup.js'
import { webRoutes } from './web.js'
import { workspaceDataRoutes } from './workspace-data.js'
import { workspaceRoutes } from './workspaces.js'

/** Every route family; each lives in its own file. */
export async function registerRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  worker: ImportWorker,
): Promise<void> {
  publicRoutes(app, deps)
  setupRoutes(app, deps)
  authRoutes(app, deps)
  accountRoutes(app, deps)
  workspaceRoutes(app, deps)
  invitationRoutes(app, deps)
  passwordResetRoutes(app, deps)
  organizationRoutes(app, deps)
  assessmentRoutes(app, deps)
  charterRoutes(app, deps)
  workspaceDataRoutes(app, deps)
  initiativeRoutes(app, deps)
  initiativeActionRoutes(app, deps)
  meetingRoutes(app, deps)
  seatRoutes(app, deps)
  signalRoutes(app, deps)
  calendarRoutes(app, deps)
  myItemRoutes(app, deps)
  importRoutes(app, deps, worker)
  await webRoutes(app, deps)
}
