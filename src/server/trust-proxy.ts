import { isIP } from 'node:net'

// TANDEM_TRUST_PROXY: which peers may tell us the client's address and protocol through
// X-Forwarded-For / X-Forwarded-Proto / X-Forwarded-Host. Off by default: anyone can send those
// headers, so trusting them without a proxy in front would let a client pick the IP the login
// throttle and the rate limit count.

/** `false`: trust nobody; `true`: every peer; a number: that many hops; else these addresses/CIDRs. */
export type TrustProxy = boolean | number | readonly string[]

/** Fastify's `trustProxy` option for a setting. */
export type FastifyTrustProxy = boolean | string[] | ((address: string, hop: number) => boolean)

/** Parses the variable's text; a string result is the reason it is not valid. */
export function parseTrustProxy(text: string): TrustProxy | string {
  const value = text.trim().toLowerCase()
  if (value === 'false' || value === 'off') return false
  if (value === 'true' || value === 'on') return true
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value)
  const entries = value.split(',').map((entry) => entry.trim())
  const bad = entries.find((entry) => !isAddressOrCidr(entry))
  if (bad !== undefined) {
    return `true, false, a hop count or comma-separated IP addresses/CIDRs; "${bad}" is none of these`
  }
  return entries
}

/**
 * The Fastify option. Fastify 5 reads a bare number as "trust nobody", since a hop count cannot
 * check the socket peer; a hop count here keeps its Express meaning instead, as a function, with
 * that risk spelled out in docs/operations.md ("Behind a reverse proxy").
 */
export function fastifyTrustProxy(trust: TrustProxy): FastifyTrustProxy {
  if (typeof trust === 'boolean') return trust
  // Express semantics: the socket peer is hop 0; trust it and the next `trust - 1` forwarders.
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return [...trust]
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (version === 4 ? 32 : 128)
}
