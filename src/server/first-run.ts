import type { FastifyBaseLogger } from 'fastify'
import type { Playbook } from '../engine/compile-playbook.js'
import type { Profile } from '../engine/profile-schema.js'
import type { Database } from '../store/db.js'
import type { Store } from '../store/store.js'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { assess } from '../engine/assess.js'
import { parseProfileText } from '../io/read-profile.js'
import { hashPassword } from './auth/passwords.js'
import { newSecret } from './auth/secrets.js'
import { DEMO_EMAIL } from './routes/auth.js'

export const DEMO_WORKSPACE_NAME = 'Demo workspace'

/**
 * Real accounts (the demo user does not count). The Store interface has no count of users, so this
 * one read goes to the database directly; reported to the store engineer as a wanted `users.count()`.
 */
export async function countRealUsers(database: Database): Promise<number> {
  const result = await sql<{
    n: number | string
  }>`select count(*) as n from users where email <> ${DEMO_EMAIL}`.execute(database.kysely)
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * Seeds the demo workspace (the example organizations, each assessed, and a demo user who owns only
 * that workspace) when the database holds no users at all. Never seeds over real data.
 */
export async function seedDemo(
  store: Store,
  database: Database,
  playbook: Playbook,
  examplesDir: string,
  log: FastifyBaseLogger,
): Promise<boolean> {
  const existing = await store.users.findByEmail(DEMO_EMAIL)
  if (existing || (await countRealUsers(database)) > 0) return false
  const files = (await readdir(examplesDir).catch(() => []))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
  const profiles: Profile[] = []
  for (const file of files) {
    try {
      profiles.push(parseProfileText(await readFile(join(examplesDir, file), 'utf8'), file))
    } catch (error) {
      log.warn({ err: error, file }, 'demo example skipped')
    }
  }
  // The demo user has no usable password: only `POST /api/v1/auth/demo` signs in as it.
  const passwordHash = await hashPassword(newSecret())
  await store.transaction(async (tx) => {
    const user = await tx.users.create({ email: DEMO_EMAIL, name: 'Demo user', passwordHash })
    const actor = { userId: user.id }
    const workspace = await tx.workspaces.create(actor, { name: DEMO_WORKSPACE_NAME })
    for (const profile of profiles) {
      const organization = await tx.organizations.create(actor, workspace.id, { profile })
      await tx.assessments.create(actor, workspace.id, {
        organizationId: organization.id,
        profileVersion: organization.profileVersion,
        result: assess(profile, playbook),
      })
    }
  })
  log.info({ organizations: profiles.length }, 'demo workspace seeded')
  return true
}
