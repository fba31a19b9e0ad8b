import { createHash, randomBytes } from 'node:crypto'

// Session ids and API tokens: 256 random bits, sent to the client once, stored only as a hash
// (reliability.md §B), so a database leak does not hand out live credentials.

/** A new random secret, base64url, with an optional recognisable prefix. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
