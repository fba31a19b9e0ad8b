import type { SelectQueryBuilder } from 'kysely'
import { sql } from 'kysely'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { pageLimit } from './context.js'

/**
 * Keyset pagination for every list of the store: a page is "the next `limit` rows after this
 * cursor" in a fixed order, so a page costs the same at row 10 as at row 1,000,000 and no page
 * counts the whole list. The cursor is opaque to clients (base64url of the last row's key).
 *
 * Reuse it for a new list: select the rows of one workspace, name the key columns (unique together,
 * backed by an index that starts with `workspace_id` and continues with them) and the fields of the
 * selected row that hold them:
 *
 *   const page = await keysetPage(query, [['name_key', 'name_key'], ['id', 'id']], 'asc', request)
 */
export interface PageRequest {
  /** Rows per page; clamped to 1..`max` (default `fallback`). */
  readonly limit?: number
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly after?: string
}

export interface KeysetPage<T> {
  readonly items: readonly T[]
  /** Pass as `after` for the next page; null on the last page. */
  readonly nextCursor: string | null
}

type KeyValue = string | number

/** Encodes a row's key values as an opaque cursor. */
export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

/** Decodes a cursor of `arity` key values; a malformed cursor is a 400 naming `field`. */
export function decodeCursor(cursor: string, arity: number, field = 'after'): KeyValue[] {
  const refuse = (): never => {
    throw new InvalidInputError('invalid page cursor', [
      { field, message: 'expected the nextCursor of a previous page' },
    ])
  }
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return refuse()
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return refuse()
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity ||
    !values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  ) {
    return refuse()
  }
  return values as KeyValue[]
}

/**
 * Runs `query` for one page ordered by `keys` (all ascending or all descending): each key is the
 * SQL column and the field of the selected row that carries its value. Fetches one row more than
 * the page to know whether another page follows.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly (readonly [column: string, field: keyof O])[],
  direction: 'asc' | 'desc',
  request: PageRequest = {},
  limits: { fallback?: number; max?: number } = {},
): Promise<KeysetPage<O>> {
  const limit = pageLimit(request.limit, limits.fallback ?? 50, limits.max ?? 200)
  let page = query
  if (request.after !== undefined) {
    const values = decodeCursor(request.after, keys.length)
    const columns = sql.join(keys.map(([column]) => sql.ref(column)))
    const comparison = direction === 'asc' ? sql.raw('>') : sql.raw('<')
    page = page.where(sql<boolean>`(${columns}) ${comparison} (${sql.join(values)})`)
  }
  for (const [column] of keys) page = page.orderBy(sql.ref(column), direction)
  const rows = (await page.limit(limit + 1).execute()) as O[]
  if (rows.length <= limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]!
  return {
    items,
    nextCursor: encodeCursor(keys.map(([, field]) => last[field] as KeyValue)),
  }
}
