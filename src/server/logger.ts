import type { DestinationStream, Logger } from 'pino'
import { pino } from 'pino'

// Logs never carry secrets (reliability.md §F): any key that names one is replaced, at any depth.
const SECRET_KEY = /pass(word)?|token|secret|cookie|authorization|session|api[-_]?key|credential/i
const REDACTED = '[redacted]'
const MAX_DEPTH = 8

/** The server's pino logger; `destination` lets tests capture the lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    formatters: { log: (object: Record<string, unknown>) => redactSecrets(object) },
    serializers: {
      req: (req: { method?: string; url?: string; originalUrl?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? req.originalUrl ?? ''),
        ip: req.ip,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }
  return destination ? pino(options, destination) : pino(options)
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
