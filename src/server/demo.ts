import type { FastifyBaseLogger } from 'fastify'
import type { Playbook } from '../engine/compile-playbook.js'
import type { Profile } from '../engine/profile-schema.js'
import type { Assessment } from '../engine/types.js'
import type { Store, User, Workspace } from '../store/store.js'
import type { AuthContext } from './auth/auth-context.js'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { assess } from '../engine/assess.js'
import { ForbiddenError } from '../errors/forbidden-error.js'
import { parseProfileText } from '../io/read-profile.js'
import { hashPassword } from './auth/passwords.js'
import { newSecret } from './auth/secrets.js'

// Private demo workspaces (issue 12 item 4; docs/decisions.md "A demo workspace per visitor"):
// each anonymous visitor who asks for the demo gets an account of their own at a reserved domain
// and a workspace seeded from the examples, so no visitor sees another's edits. A cap bounds how
// many exist, a change limit how large each grows, and maintenance deletes idle ones.

export const DEMO_WORKSPACE_NAME = 'Demo workspace'
/** Demo visitors' accounts live at this reserved (RFC 2606 `.invalid`) domain. */
export const DEMO_EMAIL_DOMAIN = 'demo.tandem.invalid'
/** The one shared demo account of earlier versions; migration 004 lets maintenance remove it. */
export const LEGACY_DEMO_EMAIL = 'demo@tandem.invalid'

/** The example organizations, each with its assessment, computed once per server. */
export interface DemoSeed {
  readonly organizations: readonly { readonly profile: Profile; readonly result: Assessment }[]
}

/** True for a demo visitor's account (or the old shared demo account). */
export function isDemoEmail(email: string): boolean {
  const key = email.trim().toLowerCase()
  return key === LEGACY_DEMO_EMAIL || key.endsWith(`@${DEMO_EMAIL_DOMAIN}`)
}

/**
 * Refuses what would let a demo visitor reach beyond their own demo: new workspaces, tokens,
 * invitations and members, passwords. Throws ForbiddenError naming `what`.
 */
export function refuseDemo(auth: AuthContext, what: string): void {
  if (auth.user && isDemoEmail(auth.user.email)) {
    throw new ForbiddenError(
      `the demo cannot ${what}; sign in with an account (an owner can invite you)`,
    )
  }
}

/** Reads the example profiles (YAML) of `examplesDir` and assesses each with `playbook`. */
export async function loadDemoSeed(
  examplesDir: string,
  playbook: Playbook,
  log: FastifyBaseLogger,
): Promise<DemoSeed> {
  const files = (await readdir(examplesDir).catch(() => []))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
  const organizations: { profile: Profile; result: Assessment }[] = []
  for (const file of files) {
    try {
      const profile = parseProfileText(await readFile(join(examplesDir, file), 'utf8'), file)
      organizations.push({ profile, result: assess(profile, playbook) })
    } catch (error) {
      log.warn({ err: error, file }, 'demo example skipped')
    }
  }
  if (organizations.length === 0) log.warn({ examplesDir }, 'the demo has no example organizations')
  return { organizations }
}

/**
 * Creates a visitor's demo: an account that cannot sign in with a password, its workspace and
 * the seeded organizations, all in one transaction. Throws DemoFullError when `max` demos exist.
 */
export async function createDemo(
  store: Store,
  seed: DemoSeed,
  limits: { readonly max: number; readonly maxChanges: number },
): Promise<{ user: User; workspace: Workspace }> {
  // The visitor never learns this password: only `POST /api/v1/auth/demo` signs in as them.
  const passwordHash = await hashPassword(newSecret())
  return store.transaction(async (tx) => {
    await tx.demos.reserve(limits.max)
    const user = await tx.users.create({
      email: `visitor-${newSecret().slice(0, 16).toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      name: 'Demo visitor',
      passwordHash,
    })
    const actor = { userId: user.id }
    const workspace = await tx.workspaces.create(actor, { name: DEMO_WORKSPACE_NAME })
    for (const { profile, result } of seed.organizations) {
      const organization = await tx.organizations.create(actor, workspace.id, { profile })
      await tx.assessments.create(actor, workspace.id, {
        organizationId: organization.id,
        profileVersion: organization.profileVersion,
        result,
      })
    }
    await tx.demos.register({
      workspaceId: workspace.id,
      userId: user.id,
      maxChanges: limits.maxChanges,
    })
    return { user, workspace }
  })
}
