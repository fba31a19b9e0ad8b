export type * from './store.js'
export { IMPORT_STATUSES, ROLES, TOKEN_SCOPES, WORKSPACE_EXPORT_SCHEMA } from './store.js'
export { LINK_STATUSES } from '../contract/link-statuses.js'
export { createStore } from './create-store.js'
export type { Database, DatabaseConfig } from './db.js'
export {
  databaseConfigFromEnv,
  describeDatabase,
  migrateToLatest,
  openDatabase,
  SQLITE_BUSY_TIMEOUT_MS,
} from './db.js'
export type * from './operations-records.js'
export {
  DECISION_STATUSES,
  LENSES,
  MEETING_STATUSES,
  MOVE_KINDS,
  SEAT_ROLES,
  STAGES,
  VISIBILITIES,
} from './operations-records.js'
