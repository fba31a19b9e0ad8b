// Reading and writing a value inside a plain document by a path such as `ai.useCases[0].name`,
// the notation the playbook's questionnaire and the engine's `formatPath` use.

export type PathKey = string | number

/** Splits `ai.useCases[0].name` into `['ai', 'useCases', 0, 'name']`. */
export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = []
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) throw new Error(`not a field path: "${path}"`)
    if (match[1]) keys.push(match[1])
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]))
  }
  return keys
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(doc: unknown, path: string): unknown {
  let cursor: unknown = doc
  for (const key of parsePath(path)) {
    if (cursor === null || typeof cursor !== 'object') return undefined
    cursor = (cursor as Record<PathKey, unknown>)[key]
  }
  return cursor
}

/**
 * A copy of `doc` with `value` at `path`, creating objects and arrays on the way; `undefined`
 * removes the key so optional fields stay absent instead of becoming `null`.
 */
export function setAt<T>(doc: T, path: string, value: unknown): T {
  return setKeys(doc, parsePath(path), value) as T
}

function setKeys(node: unknown, keys: readonly PathKey[], value: unknown): unknown {
  const [key, ...rest] = keys
  if (key === undefined) return value
  const container: Record<PathKey, unknown> | unknown[] = Array.isArray(node)
    ? [...(node as unknown[])]
    : node !== null && typeof node === 'object'
      ? { ...(node as Record<string, unknown>) }
      : typeof key === 'number'
        ? []
        : {}
  const child = setKeys((container as Record<PathKey, unknown>)[key], rest, value)
  if (child === undefined && !Array.isArray(container)) {
    delete container[key]
  } else {
    ;(container as Record<PathKey, unknown>)[key] = child
  }
  return container
}
