import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './001-initial.js'

/** Migrations in order; a static list so the build needs no file-system scan. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
}
