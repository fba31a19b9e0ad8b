import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Playbook } from '../src/engine/compile-playbook.js'
import type { ProfileInput } from '../src/engine/profile-schema.js'
import type { Role, Store, TokenScope } from '../src/store/store.js'
import type { ServerConfig } from '../src/server/config.js'
import { Writable } from 'node:stream'
import { defaultPlaybook } from '../src/io/load-playbook.js'
import { buildApp } from '../src/server/build-app.js'
import { loadConfig } from '../src/server/config.js'
import { createLogger } from '../src/server/logger.js'
import { hashPassword } from '../src/server/auth/passwords.js'
import { hashSecret, newSecret } from '../src/server/auth/secrets.js'
import { createStore, openDatabase } from '../src/store/index.js'

// Builders for server tests: an app over an in-memory SQLite store, users with API tokens, and
// organizations seeded through the store (not through the routes under test).

export function testPlaybook(): Playbook {
  return defaultPlaybook()
}

export interface TestServer {
  readonly app: FastifyInstance
  readonly store: Store
  /** Every log line written so far, parsed. */
  readonly logs: readonly Record<string, unknown>[]
  close(): Promise<void>
}

export async function aServer(
  env: Record<string, string> = {},
  options: { setupToken?: string; store?: Store; now?: () => Date; webRoot?: string } = {},
): Promise<TestServer> {
  const database = options.store ? null : await openDatabase({ kind: 'sqlite', path: ':memory:' })
  const store = options.store ?? createStore({ db: database! })
  const logs: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        logs.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  const config: ServerConfig = loadConfig({ TANDEM_LOG_LEVEL: 'info', TANDEM_DEMO: 'off', ...env })
  const app = await buildApp({
    store,
    playbook: testPlaybook(),
    config,
    logger: createLogger(config.logLevel, sink),
    setupToken: options.setupToken ?? null,
    ...(options.now ? { now: options.now } : {}),
    webRoot: options.webRoot ?? 'test/fixtures/no-web-build',
  })
  await app.ready()
  return {
    app,
    store,
    logs,
    async close() {
      await app.close()
      if (database) await database.close()
    },
  }
}

export interface TestUser {
  readonly id: string
  readonly email: string
  readonly password: string
  /** `Authorization` header value with a fresh API token. */
  readonly bearer: string
  /** The value of a session cookie of the user, for routes only a signed-in browser may call. */
  readonly session: string
}

// One argon2 hash reused by every builder user: hashing is deliberately slow.
let sharedHash: Promise<string> | null = null
export const TEST_PASSWORD = 'correct horse battery staple'

export async function aUser(store: Store, email: string): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD)
  const user = await store.users.create({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await sharedHash,
  })
  const secret = newSecret('tdm_')
  await store.apiTokens.create({ userId: user.id, name: 'test', tokenHash: hashSecret(secret) })
  const session = newSecret()
  await store.sessions.create({
    id: hashSecret(session),
    userId: user.id,
    expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
  })
  return { id: user.id, email, password: TEST_PASSWORD, bearer: `Bearer ${secret}`, session }
}

/** `Authorization` header value with a new token of `user`, as a script would hold it. */
export async function aToken(
  store: Store,
  user: TestUser,
  options: { scope: TokenScope; workspaceId?: string | null },
): Promise<string> {
  const secret = newSecret('tdm_')
  await store.apiTokens.create({
    userId: user.id,
    name: `${options.scope} token`,
    tokenHash: hashSecret(secret),
    scope: options.scope,
    workspaceId: options.workspaceId ?? null,
  })
  return `Bearer ${secret}`
}

/** The same-origin headers and session cookie of a signed-in browser tab of `user`. */
export async function aSession(
  app: FastifyInstance,
  user: TestUser,
): Promise<{ headers: Record<string, string>; cookies: Record<string, string> }> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password },
  })
  const cookie = login.cookies.find((c) => c.name === 'tandem_session')
  if (!cookie) throw new Error(`no session cookie for ${user.email} (status ${login.statusCode})`)
  return { headers: { origin: 'http://localhost:80' }, cookies: { tandem_session: cookie.value } }
}

export function aProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Acme Analytics',
    employees: 45,
    engineers: 12,
    ai: { centrality: 'important', functions: ['sales', 'operations'] },
    ...overrides,
  }
}

/** A workspace owned by `owner`, with extra members by role. */
export async function aWorkspace(
  store: Store,
  owner: TestUser,
  name: string,
  members: readonly { user: TestUser; role: Role }[] = [],
): Promise<string> {
  const workspace = await store.workspaces.create({ userId: owner.id }, { name })
  for (const member of members) {
    await store.members.add({ userId: owner.id }, workspace.id, {
      userId: member.user.id,
      role: member.role,
    })
  }
  return workspace.id
}

/** The JSON body of a response. */
export function json<T = any>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T
}
