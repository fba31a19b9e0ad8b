import { readFileSync } from 'node:fs'
import argon2 from 'argon2'
import { InvalidInputError } from '../../errors/invalid-input-error.js'

// reliability.md §B / OWASP ASVS 6.2: argon2id with m ≥ 19 MiB, t ≥ 2, p = 1; 8 to 128 characters,
// no composition rules, the most common passwords refused, and two shapes no blocklist catches
// whole: one character repeated ("aaaaaaaa", eight spaces) and only whitespace.
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

let common: ReadonlySet<string> | null = null

/** Throws InvalidInputError naming `field` when the password is too short, too long or common. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  const length = [...password].length
  if (length < PASSWORD_MIN) {
    throw refuse(field, `must be at least ${PASSWORD_MIN} characters (got ${length})`)
  }
  if (length > PASSWORD_MAX) {
    throw refuse(field, `must be at most ${PASSWORD_MAX} characters (got ${length})`)
  }
  if (password.trim() === '') {
    throw refuse(field, 'is only spaces or other whitespace; use words or characters you can see')
  }
  if (new Set(password).size === 1) {
    throw refuse(field, 'is one character repeated; choose a passphrase of a few words')
  }
  if (commonPasswords().has(password.toLowerCase())) {
    throw refuse(field, 'is one of the most common passwords; choose another')
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS)
}

/** False for a wrong password or a malformed hash; never throws on user input. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | null = null
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('tandem-no-such-account')
  return dummyHash
}

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readCommonList()
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  )
  return common
}

function readCommonList(): string {
  // Beside this module when run from source; the build (tsc) does not copy .txt files, so a
  // compiled dist/server/auth falls back to the source tree shipped in the package.
  const candidates = [
    new URL('./common-passwords.txt', import.meta.url),
    new URL('../../../src/server/auth/common-passwords.txt', import.meta.url),
  ]
  for (const candidate of candidates) {
    try {
      return readFileSync(candidate, 'utf8')
    } catch {
      continue
    }
  }
  throw new Error('common-passwords.txt is missing from the installation')
}

function refuse(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`the ${field} ${message}`, [{ field, message }])
}
