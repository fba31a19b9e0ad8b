import type { Selectable } from 'kysely'
import { ConflictError } from '../errors/conflict-error.js'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import { isUniqueViolation } from './context.js'
import type { Tables } from './schema.js'
import type { Timestamp } from './store.js'

export interface User {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly passwordHash: string
  readonly createdAt: Timestamp
  readonly updatedAt: Timestamp
}

export interface UserStore {
  /** Throws ConflictError when the email (case-insensitive) is taken. */
  create(input: { email: string; name: string; passwordHash: string }): Promise<User>
  get(userId: string): Promise<User | null>
  findByEmail(email: string): Promise<User | null>
  setPasswordHash(userId: string, passwordHash: string): Promise<void>
  /** How many accounts exist: zero means the first owner is still to be created. */
  count(): Promise<number>
}

/** Accounts: not tenant data (a user may belong to many workspaces), so no audit row. */
export function userStore(ctx: StoreContext): UserStore {
  return {
    async create(input) {
      const now = ctx.now()
      const row = {
        id: ctx.newId(),
        email: input.email.trim(),
        email_key: emailKey(input.email),
        name: input.name,
        password_hash: input.passwordHash,
        created_at: now,
        updated_at: now,
      }
      try {
        await ctx.db.insertInto('users').values(row).execute()
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`a user with email "${row.email}" already exists`, error)
        }
        throw error
      }
      return toUser(row)
    },

    async get(userId) {
      const row = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirst()
      return row === undefined ? null : toUser(row)
    },

    async findByEmail(email) {
      const row = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('email_key', '=', emailKey(email))
        .executeTakeFirst()
      return row === undefined ? null : toUser(row)
    },

    async setPasswordHash(userId, passwordHash) {
      const result = await ctx.db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: ctx.now() })
        .where('id', '=', userId)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('user', userId)
    },

    async count() {
      const row = await ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
  }
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase()
}

export function toUser(row: Selectable<Tables['users']>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
