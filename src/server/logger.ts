import type { DestinationStream, Logger } from 'pino'
import { pino } from 'pino'
import pinoPretty from 'pino-pretty'

// Logs never carry secrets (reliability.md §F): any key that names one is replaced, at any depth.
const SECRET_KEY = /pass(word)?|token|secret|cookie|authorization|session|api[-_]?key|credential/i
const REDACTED = '[redacted]'
const MAX_DEPTH = 8

export type LogFormat = 'json' | 'pretty'

/**
 * The server's pino logger: one JSON object per line, or (`pretty`, for a terminal) coloured lines
 * through pino-pretty. `destination` lets tests capture the lines.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const options = {
    level,
    formatters: { log: (object: Record<string, unknown>) => redactSecrets(object) },
  }
  if (format === 'pretty') {
    return pino(
      options,
      pinoPretty({
        colorize: true,
        sync: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname',
        ...(destination ? { destination } : {}),
      }),
    )
  }
  return destination ? pino(options, destination) : pino(options)
}

/** The one log line of a request, written when its reply is sent (build-app.ts). */
export function requestLine(
  request: {
    readonly method: string
    readonly url: string
    readonly routeOptions: { readonly url?: string | undefined }
  },
  status: number,
  durationMs: number,
): Record<string, unknown> {
  return {
    method: request.method,
    route: request.routeOptions.url ?? null,
    url: redactUrl(request.url),
    status,
    durationMs: Math.round(durationMs * 10) / 10,
  }
}

/** Copies `value` with every secret-named key replaced by `[redacted]`. */
export function redactSecrets<T>(value: T): T {
  return redact(value, 0, new WeakSet()) as T
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Error) return redactError(value, depth, seen)
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen)
  }
  return out
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): unknown {
  const extra = redact({ ...error }, depth + 1, seen) as Record<string, unknown>
  return { type: error.name, message: error.message, stack: error.stack, ...extra }
}

function redactUrl(url: string): string {
  // Setup links carry a one-time token in the query string.
  return url.replace(/([?&](token|password)=)[^&]*/gi, `$1${REDACTED}`)
}
