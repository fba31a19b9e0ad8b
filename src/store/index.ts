export type * from './store.js'
export { IMPORT_STATUSES, ROLES, WORKSPACE_EXPORT_SCHEMA } from './store.js'
export { LINK_STATUSES } from './invitation-store.js'
export { createStore } from './create-store.js'
export type { Database, DatabaseConfig } from './db.js'
export {
  databaseConfigFromEnv,
  describeDatabase,
  migrateToLatest,
  openDatabase,
  SQLITE_BUSY_TIMEOUT_MS,
} from './db.js'
