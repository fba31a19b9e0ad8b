import type { FastifyInstance } from 'fastify'
import type { Writable } from 'node:stream'
import type { DatabaseConfig } from '../store/db.js'
import type { ServerConfig } from './config.js'
import { resolve } from 'node:path'
import { defaultPlaybook } from '../io/load-playbook.js'
import { packagePath } from '../io/package-path.js'
import { createStore, openDatabase } from '../store/index.js'
import { newSecret } from './auth/secrets.js'
import { buildApp } from './build-app.js'
import { loadConfig } from './config.js'
import { countRealUsers } from './first-run.js'
import type { LogFormat } from './logger.js'
import { createLogger } from './logger.js'

export interface RunningServer {
  readonly app: FastifyInstance
  readonly url: string
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>
}

/** The database a configuration names: PostgreSQL with DATABASE_URL, else SQLite in the data dir. */
export function databaseConfigOf(config: ServerConfig): DatabaseConfig {
  if (!config.databaseUrl) return { kind: 'sqlite', path: resolve(config.dataDir, 'tandem.db') }
  return {
    kind: 'postgres',
    url: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  }
}

/**
 * Starts the server: validates the environment, opens (and migrates) the database, listens, and prints the URL and, while no user exists, the
 * one-time setup link.
 */
export async function startServer(
  env: Readonly<Record<string, string | undefined>>,
  out: Writable,
): Promise<RunningServer> {
  const config = loadConfig(env)
  const logger = createLogger(config.logLevel, undefined, logFormatOf(config, process.stdout))
  const database = await openDatabase(databaseConfigOf(config))
  try {
    const store = createStore({ db: database })
    const playbook = defaultPlaybook()
    const setupToken = (await countRealUsers(database)) === 0 ? newSecret() : null
    const app = await buildApp({
      store,
      playbook,
      config,
      logger,
      setupToken,
      examplesDir: packagePath('examples'),
    })
    const address = await app.listen({ port: config.port, host: config.host })
    const url = address.replace('://[::1]', '://localhost').replace('://127.0.0.1', '://localhost')
    logger.info({ url, database: database.dialect }, 'listening')
    // For the person who started it, apart from the log lines (`out` is stderr for `tandem serve`).
    out.write(`Tandem is listening on ${url}\n`)
    out.write(
      `Database: ${database.dialect === 'sqlite' ? resolve(config.dataDir, 'tandem.db') : 'PostgreSQL (DATABASE_URL)'}\n`,
    )
    if (setupToken) {
      out.write(`No account exists yet. Create the first owner (this link works once):\n`)
      out.write(`  ${url}/setup?token=${setupToken}\n`)
      out.write(`or: tandem admin create-user --email you@example.com --password-stdin\n`)
    }
    return {
      app,
      url,
      async close() {
        await app.close()
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Pretty lines for a person at a terminal, JSON lines for a log collector. */
export function logFormatOf(config: ServerConfig, stdout: { isTTY?: boolean }): LogFormat {
  if (config.logFormat !== 'auto') return config.logFormat
  return stdout.isTTY ? 'pretty' : 'json'
}

/** Runs until SIGINT or SIGTERM, then shuts down gracefully. */
export async function serveUntilSignal(
  env: Readonly<Record<string, string | undefined>>,
  out: Writable,
): Promise<void> {
  const server = await startServer(env, out)
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      out.write('Shutting down: finishing requests in flight...\n')
      server.close().then(resolveStop, (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed')
        resolveStop()
      })
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
