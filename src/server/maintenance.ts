import type { FastifyBaseLogger } from 'fastify'
import type { Store } from '../store/store.js'
import { LOGIN_WINDOW_MS } from './auth/login-throttle.js'
import { ASSESS_RATE_WINDOW_MS } from './rate-limiter.js'

// Rows that stop counting are deleted on a timer, so the tables stay small: sessions past their
// absolute expiry or idle too long, failed logins older than the throttle window, rate-limit
// windows that ended, and visitors' demo workspaces idle past TANDEM_DEMO_IDLE_HOURS. Every process runs it; the deletes are idempotent, so N processes racing do no
// harm beyond N cheap queries an interval. Audit and security logs are never pruned (§F).

export interface Maintenance {
  /** One pass now; resolves when it is done (errors are logged, never thrown). */
  runOnce(): Promise<void>
  stop(): void
}

/** Starts pruning every `intervalMs`; the timer is unref'd so it never keeps the process alive. */
export function startMaintenance(options: {
  readonly store: Store
  readonly log: FastifyBaseLogger
  readonly intervalMs: number
  readonly sessionIdleMs: number
  /** Demo workspaces idle this long are deleted with their visitor (default: never). */
  readonly demoIdleMs?: number
}): Maintenance {
  const { store, log } = options
  let running: Promise<void> | null = null
  const runOnce = (): Promise<void> => {
    // A slow pass (a busy database) must not pile up behind itself.
    running ??= prune(store, log, options.sessionIdleMs, options.demoIdleMs).finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(() => void runOnce(), options.intervalMs)
  timer.unref()
  return {
    runOnce,
    stop: () => clearInterval(timer),
  }
}

async function prune(
  store: Store,
  log: FastifyBaseLogger,
  sessionIdleMs: number,
  demoIdleMs: number | undefined,
): Promise<void> {
  try {
    const pruned = await store.prune({
      loginFailuresMs: LOGIN_WINDOW_MS,
      rateLimitsMs: ASSESS_RATE_WINDOW_MS,
      sessionIdleMs,
    })
    const deleted =
      demoIdleMs === undefined ? pruned : { ...pruned, demos: await store.demos.prune(demoIdleMs) }
    log.info({ deleted }, 'maintenance: pruned expired rows')
  } catch (error) {
    log.error({ err: error }, 'maintenance: pruning expired rows failed; will retry next interval')
  }
}
