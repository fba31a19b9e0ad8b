import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import type { Playbook } from '../engine/compile-playbook.js'
import type { Store } from '../store/store.js'
import type { ServerConfig } from './config.js'
import type { AuthContext } from './auth/auth-context.js'
import type { RouteDeps } from './route-deps.js'
import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import Fastify from 'fastify'
import { UnsupportedMediaTypeError } from '../errors/unsupported-media-type-error.js'
import { packagePath } from '../io/package-path.js'
import { ANONYMOUS } from './auth/auth-context.js'
import { authenticate } from './auth/authenticate.js'
import type { DemoSeed } from './demo.js'
import { loadDemoSeed } from './demo.js'
import { createLogger, requestLine } from './logger.js'
import { createMailer } from './mailer.js'
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js'
import { handleError, handleNotFound } from './error-handler.js'
import { ImportWorker } from './import-worker.js'
import { registerJsonBodyParser } from './json-body-parser.js'
import { startMaintenance } from './maintenance.js'
import { registerOpenApi } from './openapi.js'
import { attachAccess } from './policy.js'
import { registerRoutes } from './routes/index.js'
import { replySerializerFor } from './reply-serializer.js'
import { fastifyTrustProxy } from './trust-proxy.js'
import { unsafeTextError, zodValidatorCompiler } from './validator-compiler.js'

export interface AppOptions {
  readonly store: Store
  /** The default playbook (`defaultPlaybook()`), used when a request names none. */
  readonly playbook: Playbook
  readonly config: ServerConfig
  readonly logger?: Logger
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date
  /** One-time token for `/setup` while no user exists; null when setup is closed. */
  readonly setupToken?: string | null
  /** Run import jobs in this process (default true). */
  readonly importWorker?: boolean
  /** Folder of the built web app; defaults to the package's `dist/web`, whatever the working directory. */
  readonly webRoot?: string
  /** Folder of the example profiles each demo workspace is seeded with; default the package's. */
  readonly examplesDir?: string
}

// Non-JSON bodies a route may opt into (define-route.ts `rawBody`); parsed as text, checked per route.
const TEXT_TYPES = [
  'text/csv',
  'application/x-ndjson',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
]

// reliability.md §E: slow clients must not hold sockets: ~10 s for headers, ~60 s per request.
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 60_000

/** Builds the Fastify app with every route; the caller decides whether to listen or `inject()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, config } = options
  const now = options.now ?? (() => new Date())
  const logger: FastifyBaseLogger = options.logger ?? createLogger(config.logLevel)
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    // One line per request instead of Fastify's two, written in the onResponse hook below.
    disableRequestLogging: true,
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    requestTimeout: REQUEST_TIMEOUT_MS,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // TANDEM_TRUST_PROXY: request.ip, .protocol and .host from X-Forwarded-* only for trusted peers.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // `/api/v1/auth/login/` and `/API/v1/Auth/Login` are the same route, so one throttle counts them.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
  })
  app.server.headersTimeout = HEADERS_TIMEOUT_MS

  app.setValidatorCompiler(zodValidatorCompiler)
  // Response schemas document replies in OpenAPI and check them: every reply but the assessment
  // fast path goes through its schema first (reply-serializer.ts). Replies of routes without a
  // schema (the 404 handler, static files) keep Fastify's default.
  app.setSerializerCompiler(({ schema }) => replySerializerFor(schema))
  app.setErrorHandler(handleError)
  app.removeContentTypeParser('text/plain')
  registerJsonBodyParser(app)
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, body)
  })

  // Before our onRequest hook: it parses the cookies that hook reads.
  await app.register(cookie)
  const authByRequest = new WeakMap<object, AuthContext>()
  app.decorateRequest('auth', {
    getter(this: FastifyRequest) {
      return authByRequest.get(this) ?? ANONYMOUS
    },
    setter(this: FastifyRequest, value: AuthContext) {
      authByRequest.set(this, value)
    },
  })
  app.addHook('onRoute', attachAccess)
  app.addHook('onRequest', async (request, reply) => {
    request.auth = ANONYMOUS
    // `/api/v1/workspaces//audit`, `//api/v1/me`: an empty segment names nothing. Answered here, before
    // a route reads an empty id or the web app's file server resolves the path.
    if ((request.url.split('?')[0] ?? '').includes('//')) {
      handleNotFound(request, reply)
      return reply
    }
    // Path and query text is checked before authentication reads an id from it (the body is
    // checked with the route's schema, validator-compiler.ts): one 400 on both databases.
    refuseUnsafeText(request.params, 'path')
    refuseUnsafeText(request.query, 'query')
    const access = request.routeOptions.config.access
    if (access) request.auth = await authenticate(request, access, store, config, now)
  })
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(requestLine(request, reply.statusCode, reply.elapsedTime), 'request')
    done()
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id)
    void reply.header('x-content-type-options', 'nosniff')
    if (!reply.hasHeader('referrer-policy')) void reply.header('referrer-policy', 'same-origin')
    if (!reply.hasHeader('x-frame-options')) void reply.header('x-frame-options', 'DENY')
    const policy = reply.getHeader('content-security-policy')
    if (policy === undefined) void reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
    else if (!String(policy).includes('frame-ancestors'))
      void reply.header('content-security-policy', `${String(policy)}; frame-ancestors 'none'`)
    // Account data must not stay in a browser's or a proxy's cache after sign-out.
    if (!reply.hasHeader('cache-control') && (request.auth.user !== null || isApi(request.url)))
      void reply.header('cache-control', 'no-store')
    done(null, payload)
  })
  app.addHook('preValidation', (request, _reply, done) => {
    const accepted = request.routeOptions.config.rawContentTypes ?? []
    const type = mediaType(request.headers['content-type'])
    if (typeof request.body === 'string' && !accepted.includes(type)) {
      done(new UnsupportedMediaTypeError(type, ['application/json', ...accepted]))
      return
    }
    // JSON bodies, schema or not; a text body (CSV, YAML, NDJSON) is checked record by record.
    const unsafe =
      typeof request.body === 'object'
        ? unsafeTextError(request.body, 'body', request.routeOptions.config.maxTextLength)
        : null
    done(unsafe ?? undefined)
  })

  await registerOpenApi(app)
  let demoSeed: Promise<DemoSeed> | null = null
  const deps: RouteDeps = {
    store,
    playbook: options.playbook,
    config,
    now,
    setupToken: options.setupToken ?? null,
    webRoot: options.webRoot ?? packagePath('dist/web'),
    demoSeed: () => {
      demoSeed ??= loadDemoSeed(
        options.examplesDir ?? packagePath('examples'),
        options.playbook,
        app.log,
      )
      return demoSeed
    },
    mailer: createMailer(config.smtpUrl, config.mailFrom, app.log),
  }
  const worker = new ImportWorker(store, app.log)
  await registerRoutes(app, deps, worker)
  if (options.importWorker ?? true) {
    app.addHook('onReady', () => {
      worker.start()
      return Promise.resolve()
    })
  }
  app.addHook('onClose', () => worker.stop())
  let maintenance: { stop(): void } | null = null
  app.addHook('onReady', () => {
    maintenance = startMaintenance({
      store,
      log: app.log,
      intervalMs: config.maintenanceIntervalMs,
      sessionIdleMs: config.sessionIdleMs,
      demoIdleMs: config.demoIdleMs,
    })
    return Promise.resolve()
  })
  app.addHook('onClose', (_instance, done) => {
    maintenance?.stop()
    done()
  })
  return app
}

function refuseUnsafeText(value: unknown, where: string): void {
  const error = unsafeTextError(value, where)
  if (error) throw error
}

/** The JSON API and the one-time setup page: replies that are never cached. */
function isApi(url: string): boolean {
  return /^\/(api\/v\d+|setup)(\/|\?|$)/i.test(url)
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}
