import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './001-initial.js'
import * as immutableHistory from './002-immutable-history.js'
import * as tokenScope from './003-token-scope.js'
import * as accounts from './004-accounts.js'
import * as operations from './005-operations.js'
import * as latestAssessment from './006-latest-assessment.js'

/** Migrations in order; a static list so the build needs no file-system scan. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-immutable-history': immutableHistory,
  '003-token-scope': tokenScope,
  '004-accounts': accounts,
  '005-operations': operations,
  '006-latest-assessment': latestAssessment,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
}
