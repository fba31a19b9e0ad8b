import type { Database } from '../store/db.js'
import { sql } from 'kysely'
import { DEMO_EMAIL_DOMAIN, LEGACY_DEMO_EMAIL } from './demo.js'

/**
 * Real accounts: demo visitors do not count. The first owner is still to be created (and the
 * setup link printed) while this is zero.
 */
export async function countRealUsers(database: Database): Promise<number> {
  const result = await sql<{ n: number | string }>`
    select count(*) as n from users
    where email_key <> ${LEGACY_DEMO_EMAIL} and email_key not like ${`%@${DEMO_EMAIL_DOMAIN}`}
  `.execute(database.kysely)
  return Number(result.rows[0]?.n ?? 0)
}
