import type { RateLimitMode } from './rate-limiter.js'
import type { TrustProxy } from './trust-proxy.js'
import { z } from 'zod'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { RATE_LIMIT_MODES } from './rate-limiter.js'
import { parseTrustProxy } from './trust-proxy.js'

// Server configuration comes from the environment only, validated once at start.

const onOff = z.enum(['on', 'off'])
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  TANDEM_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lowercase PostgreSQL schema name')
    .optional(),
  TANDEM_PUBLIC_ASSESS: onOff.default('on'),
  TANDEM_DEMO: onOff.default('on'),
  TANDEM_SECURE_COOKIES: onOff.default('off'),
  TANDEM_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TANDEM_LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  TANDEM_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  TANDEM_IMPORT_LIMIT: z.coerce.number().int().min(1024).default(10_485_760),
  TANDEM_ASSESS_RATE: z.coerce.number().int().min(1).default(120),
  TANDEM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  TANDEM_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 7),
  TANDEM_PUBLIC_ORIGIN: z.url().optional(),
  TANDEM_RATE_LIMIT: z.enum(RATE_LIMIT_MODES).optional(),
  TANDEM_TRUST_PROXY: z
    .string()
    .transform((text, ctx) => {
      const trust = parseTrustProxy(text)
      if (typeof trust !== 'string') return trust
      ctx.addIssue({ code: 'custom', message: trust })
      return z.NEVER
    })
    .default(false),
  TANDEM_MAINTENANCE_MINUTES: z.coerce.number().int().min(1).default(60),
  TANDEM_DEMO_MAX: z.coerce.number().int().min(0).default(100),
  TANDEM_DEMO_IDLE_HOURS: z.coerce.number().int().min(1).default(24),
  TANDEM_DEMO_MAX_CHANGES: z.coerce.number().int().min(20).default(500),
  TANDEM_INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  TANDEM_RESET_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  TANDEM_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail:587')
    .optional(),
  TANDEM_MAIL_FROM: z.string().min(3).max(254).default('Tandem <tandem@localhost>'),
})

/** Every environment variable the server reads, in the order the docs list them. */
export const SERVER_ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape)

export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly databaseUrl: string | null
  /** PostgreSQL schema to use instead of `public` (several instances on one database). */
  readonly databaseSchema: string | null
  readonly publicAssess: boolean
  readonly demo: boolean
  readonly secureCookies: boolean
  readonly logLevel: (typeof LOG_LEVELS)[number]
  /** `auto`: pretty lines on a terminal, JSON lines otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty'
  /** Bytes for JSON bodies. */
  readonly bodyLimit: number
  /** Bytes for import and playbook uploads. */
  readonly importLimit: number
  /** Anonymous `POST /api/v1/assess` requests per minute and IP. */
  readonly assessRatePerMinute: number
  readonly sessionIdleMs: number
  readonly sessionAbsoluteMs: number
  /** The origin browsers use to reach the server, when a proxy rewrites Host. */
  readonly publicOrigin: string | null
  /** Where the assess/classify limit is counted; default `database` on PostgreSQL, else `memory`. */
  readonly rateLimit: RateLimitMode
  /** Which peers' X-Forwarded-* headers give the client's IP and protocol. */
  readonly trustProxy: TrustProxy
  /** How often expired sessions, login failures and rate-limit windows are deleted. */
  readonly maintenanceIntervalMs: number
  /** Private demo workspaces that may exist at once (0: none; `demo` off also means none). */
  readonly demoMax: number
  /** A demo workspace unused this long is deleted by maintenance. */
  readonly demoIdleMs: number
  /** Changes (audit rows, the seed's included) one demo workspace may hold. */
  readonly demoMaxChanges: number
  readonly invitationTtlMs: number
  readonly resetTtlMs: number
  /** Where invitation emails go out; null: the owner passes the link on themselves. */
  readonly smtpUrl: string | null
  readonly mailFrom: string
}

/** Reads and validates the configuration; a bad variable is an InvalidInputError naming it. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== ''),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: `${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`,
    }))
    throw new InvalidInputError('invalid server configuration in the environment', problems)
  }
  const value = parsed.data
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: value.TANDEM_DATA_DIR,
    databaseUrl: value.DATABASE_URL ?? null,
    databaseSchema: value.TANDEM_DATABASE_SCHEMA ?? null,
    publicAssess: value.TANDEM_PUBLIC_ASSESS === 'on',
    demo: value.TANDEM_DEMO === 'on',
    secureCookies: value.TANDEM_SECURE_COOKIES === 'on',
    logLevel: value.TANDEM_LOG_LEVEL,
    logFormat: value.TANDEM_LOG_FORMAT,
    bodyLimit: value.TANDEM_BODY_LIMIT,
    importLimit: value.TANDEM_IMPORT_LIMIT,
    assessRatePerMinute: value.TANDEM_ASSESS_RATE,
    sessionIdleMs: value.TANDEM_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: value.TANDEM_SESSION_MAX_HOURS * 3_600_000,
    publicOrigin: value.TANDEM_PUBLIC_ORIGIN ?? null,
    // PostgreSQL is how several processes share one server: count there so the limit holds for all.
    rateLimit: value.TANDEM_RATE_LIMIT ?? (value.DATABASE_URL ? 'database' : 'memory'),
    trustProxy: value.TANDEM_TRUST_PROXY,
    maintenanceIntervalMs: value.TANDEM_MAINTENANCE_MINUTES * 60_000,
    demoMax: value.TANDEM_DEMO_MAX,
    demoIdleMs: value.TANDEM_DEMO_IDLE_HOURS * 3_600_000,
    demoMaxChanges: value.TANDEM_DEMO_MAX_CHANGES,
    invitationTtlMs: value.TANDEM_INVITATION_DAYS * 86_400_000,
    resetTtlMs: value.TANDEM_RESET_HOURS * 3_600_000,
    smtpUrl: value.TANDEM_SMTP_URL ?? null,
    mailFrom: value.TANDEM_MAIL_FROM,
  }
}
