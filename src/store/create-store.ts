import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { sql } from 'kysely'
import { IoError } from '../errors/io-error.js'
import { UsageError } from '../errors/usage-error.js'
import { apiTokenStore } from './api-token-store.js'
import { assessmentStore } from './assessment-store.js'
import { auditStore } from './audit-store.js'
import { calendarFeedStore } from './calendar-feed-store.js'
import { charterStore } from './charter-store.js'
import type { StoreContext } from './context.js'
import { inWriteTransaction } from './context.js'
import type { Database } from './db.js'
import { demoStore } from './demo-store.js'
import { importJobStore } from './import-job-store.js'
import { invitationStore } from './invitation-store.js'
import { passwordResetStore } from './password-reset-store.js'
import { initiativeStore } from './initiative-store.js'
import { loginThrottleStore } from './login-throttle-store.js'
import { decisionStore, meetingStore } from './meeting-store.js'
import { memberStore } from './member-store.js'
import { organizationStore } from './organization-store.js'
import { playbookStore } from './playbook-store.js'
import { rateLimitStore } from './rate-limit-store.js'
import { seatStore } from './seat-store.js'
import { securityLogStore } from './security-log-store.js'
import { sessionStore } from './session-store.js'
import { signalAcknowledgementStore } from './signal-acknowledgement-store.js'
import type { Store, StoreOptions } from './store.js'
import { userStore } from './user-store.js'
import { workspaceStore } from './workspace-store.js'

/** The store over an open database; `clock` and `newId` make tests exact. */
export function createStore(options: StoreOptions & { readonly db: Database }): Store {
  const { db } = options
  const clock = options.clock ?? (() => new Date())
  const ctx: StoreContext = {
    db: db.kysely,
    dialect: db.dialect,
    inTransaction: false,
    now: () => clock().toISOString(),
    newId: options.newId ?? randomUUID,
  }
  return storeOver(ctx, db)
}

function storeOver(ctx: StoreContext, db: Database): Store {
  return {
    dialect: ctx.dialect,
    users: userStore(ctx),
    sessions: sessionStore(ctx),
    apiTokens: apiTokenStore(ctx),
    workspaces: workspaceStore(ctx),
    members: memberStore(ctx),
    organizations: organizationStore(ctx),
    assessments: assessmentStore(ctx),
    charters: charterStore(ctx),
    playbooks: playbookStore(ctx),
    imports: importJobStore(ctx),
    audit: auditStore(ctx),
    securityLog: securityLogStore(ctx),
    loginThrottle: loginThrottleStore(ctx),
    rateLimits: rateLimitStore(ctx),
    invitations: invitationStore(ctx),
    passwordResets: passwordResetStore(ctx),
    demos: demoStore(ctx),
    seats: seatStore(ctx),
    initiatives: initiativeStore(ctx),
    meetings: meetingStore(ctx),
    decisions: decisionStore(ctx),
    signalAcknowledgements: signalAcknowledgementStore(ctx),
    calendarFeeds: calendarFeedStore(ctx),
    transaction: (fn) => inWriteTransaction(ctx, (tx) => fn(storeOver(tx, db))),
    async prune(options) {
      const now = Date.parse(ctx.now())
      const ago = (ms: number) => new Date(now - ms).toISOString()
      let sessions = await storeOver(ctx, db).sessions.deleteExpired()
      if (options.sessionIdleMs !== undefined) {
        // The server ends a session idle longer than this on its next use; these never come back.
        const idle = await ctx.db
          .deleteFrom('sessions')
          .where('last_seen_at', '<=', ago(options.sessionIdleMs))
          .executeTakeFirst()
        sessions += Number(idle.numDeletedRows)
      }
      const failures = await ctx.db
        .deleteFrom('login_failures')
        .where('at', '<=', ago(options.loginFailuresMs))
        .executeTakeFirst()
      // A row's window started at window_start; it is stale once that is older than the limit.
      const windows = await ctx.db
        .deleteFrom('rate_limits')
        .where('window_start', '<=', ago(options.rateLimitsMs))
        .executeTakeFirst()
      return {
        sessions,
        loginFailures: Number(failures.numDeletedRows),
        rateLimits: Number(windows.numDeletedRows),
      }
    },
    async ping() {
      await sql`select 1`.execute(ctx.db)
    },
    async backupTo(path) {
      if (ctx.dialect !== 'sqlite') {
        throw new UsageError('backupTo works on SQLite only; back up PostgreSQL with pg_dump')
      }
      if (existsSync(path)) throw new IoError('write the backup to', `${path}: the file exists`)
      // VACUUM INTO writes a consistent snapshot while other connections keep working
      // (reliability.md §D: never a file copy of a live database).
      try {
        await sql`VACUUM INTO ${path}`.execute(ctx.db)
      } catch (error) {
        throw new IoError('write the backup to', path, error)
      }
    },
    async close() {
      if (ctx.inTransaction) throw new Error('close the store outside its transactions')
      await db.close()
    },
  }
}
