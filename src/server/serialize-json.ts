// The serializer of every JSON reply. Output is byte for byte JSON.stringify's; what differs is that
// the JSON of a deeply frozen value (plain objects, arrays and primitives all the way down, every
// object frozen) is computed once and kept, since it cannot change. An assessment shares its charter
// and handoff zones with the compiled, frozen playbook: about a third of its bytes, serialized once
// per process instead of once per request (docs/decisions.md, "Replies reuse the JSON of frozen parts").

/** How deep to look for frozen parts below objects that are not frozen; deeper, plain JSON.stringify. */
const MAX_DEPTH = 2

const cache = new WeakMap<object, string>()
// Frozen, but with something mutable inside (or a class instance): never cached, checked once.
const uncacheable = new WeakSet<object>()

/** `JSON.stringify(value)`, reusing the JSON of frozen objects and arrays it has seen before. */
export function serializeJson(value: unknown): string {
  return write(value, 0) ?? 'null'
}

function write(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Object.isFrozen(value)) {
    const cached = cache.get(value)
    if (cached !== undefined) return cached
    if (!uncacheable.has(value)) {
      if (isDeeplyFrozenPlain(value)) {
        const json = JSON.stringify(value)
        cache.set(value, json)
        return json
      }
      uncacheable.add(value)
    }
  }
  // Arrays below the root are written whole: walking their small items costs more than it saves.
  if (depth >= MAX_DEPTH || !isPlain(value) || (depth > 0 && Array.isArray(value))) {
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      // Like JSON.stringify: undefined, functions and symbols in arrays become null.
      out += write(value[i], depth + 1) ?? 'null'
    }
    return `${out}]`
  }
  let out = '{'
  let first = true
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const json = write((value as Record<string, unknown>)[key], depth + 1)
    if (json === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${json}`
    first = false
  }
  return `${out}}`
}

/** Arrays and objects whose serialization is their own enumerable properties: no toJSON, no class. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true
  const proto: unknown = Object.getPrototypeOf(value)
  return (proto === Object.prototype || proto === null) && !('toJSON' in value)
}

function isDeeplyFrozenPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function'
  if (!Object.isFrozen(value) || !isPlain(value)) return false
  if (cache.has(value)) return true
  for (const key of Object.keys(value)) {
    if (!isDeeplyFrozenPlain((value as Record<string, unknown>)[key])) return false
  }
  return true
}
