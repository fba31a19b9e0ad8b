import type { Selectable } from 'kysely'
import { NotFoundError } from '../errors/not-found-error.js'
import type { StoreContext } from './context.js'
import type { Tables } from './schema.js'
import { toUser } from './user-store.js'
import type { TokenScope } from '../contract/token-scopes.js'
import { TOKEN_SCOPES } from '../contract/token-scopes.js'
import type { Timestamp } from './store.js'
import type { User } from './user-store.js'

export interface ApiToken {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly tokenHash: string
  readonly scope: TokenScope
  /** The one workspace the token may reach; null: every workspace of the user. */
  readonly workspaceId: string | null
  readonly createdAt: Timestamp
  readonly lastUsedAt: Timestamp | null
}

export interface ApiTokenStore {
  /** `scope` defaults to `write` and `workspaceId` to null: the rights tokens had before scopes. */
  create(input: {
    userId: string
    name: string
    tokenHash: string
    scope?: TokenScope
    workspaceId?: string | null
  }): Promise<ApiToken>
  list(userId: string): Promise<readonly ApiToken[]>
  findByHash(tokenHash: string): Promise<{ token: ApiToken; user: User } | null>
  touch(tokenId: string): Promise<void>
  /** Throws NotFoundError when the token is not the user's. */
  delete(userId: string, tokenId: string): Promise<void>
}

/** Personal API tokens; only a hash of the token is stored (reliability.md §B). */
export function apiTokenStore(ctx: StoreContext): ApiTokenStore {
  return {
    async create(input) {
      const row = {
        id: ctx.newId(),
        user_id: input.userId,
        name: input.name,
        token_hash: input.tokenHash,
        scope: input.scope ?? 'write',
        workspace_id: input.workspaceId ?? null,
        created_at: ctx.now(),
        last_used_at: null,
      }
      await ctx.db.insertInto('api_tokens').values(row).execute()
      return toApiToken(row)
    },

    async list(userId) {
      const rows = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toApiToken)
    },

    async findByHash(tokenHash) {
      const row = await ctx.db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('users')
        .select([
          'api_tokens.id as token_id',
          'api_tokens.name as token_name',
          'api_tokens.token_hash',
          'api_tokens.scope',
          'api_tokens.workspace_id',
          'api_tokens.created_at as token_created_at',
          'api_tokens.last_used_at',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (row === undefined) return null
      return {
        token: toApiToken({
          id: row.token_id,
          user_id: row.id,
          name: row.token_name,
          token_hash: row.token_hash,
          scope: row.scope,
          workspace_id: row.workspace_id,
          created_at: row.token_created_at,
          last_used_at: row.last_used_at,
        }),
        user: toUser(row),
      }
    },

    async touch(tokenId) {
      await ctx.db
        .updateTable('api_tokens')
        .set({ last_used_at: ctx.now() })
        .where('id', '=', tokenId)
        .execute()
    },

    async delete(userId, tokenId) {
      const result = await ctx.db
        .deleteFrom('api_tokens')
        .where('id', '=', tokenId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw new NotFoundError('API token', tokenId)
    },
  }
}

function toApiToken(row: Selectable<Tables['api_tokens']>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    tokenHash: row.token_hash,
    scope: toScope(row.scope),
    workspaceId: row.workspace_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }
}

function toScope(value: string): TokenScope {
  // The column has a CHECK constraint; anything else is a corrupt row, not a user error.
  const scope = TOKEN_SCOPES.find((known) => known === value)
  if (scope === undefined) throw new Error(`api_tokens.scope has an unknown value "${value}"`)
  return scope
}
