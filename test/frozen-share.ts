// What the reply serializer relies on (src/server/serialize-json.ts): an assessment shares parts of
// itself with the compiled playbook, as the playbook's own deeply frozen objects, so their JSON is
// computed once per process. A harmless-looking copy in the engine (a spread, a map) would keep the
// answer right and lose the speed; test/frozen-share.test.ts fails instead.

/** Every object reachable from `root` through own enumerable values, Maps and Sets. */
export function reachable(root: unknown): Set<object> {
  const seen = new Set<object>()
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object' || seen.has(value)) continue
    seen.add(value)
    if (value instanceof Map) stack.push(...(value as Map<unknown, unknown>).entries())
    else if (value instanceof Set) stack.push(...(value as Set<unknown>).values())
    else stack.push(...Object.values(value as Record<string, unknown>))
  }
  return seen
}

/**
 * The share of `value`'s JSON (by characters) held by the largest subtrees that are deeply frozen
 * objects of `shared` — what the serializer writes once per process instead of once per reply.
 */
export function frozenShare(value: unknown, shared: ReadonlySet<object>): number {
  const total = JSON.stringify(value).length
  return sharedLength(value, shared) / total
}

function sharedLength(value: unknown, shared: ReadonlySet<object>): number {
  if (value === null || typeof value !== 'object') return 0
  if (shared.has(value) && isDeeplyFrozen(value)) return JSON.stringify(value).length
  return Object.values(value).reduce<number>((sum, item) => sum + sharedLength(item, shared), 0)
}

function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen)
}
