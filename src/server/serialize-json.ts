// The serializer of every JSON reply. Its output is JSON.stringify's, with two differences that do not
// change what a JSON parser reads:
// - The JSON of a deeply frozen value (plain objects, arrays and primitives all the way down, every
//   object frozen) is computed once and kept, since it cannot change. An assessment shares its
//   charter, cadence, seats, reasons, change and fixed answers with the compiled, frozen playbook:
//   about half of its bytes, serialized once per process instead of once per request.
// - Characters above U+00FF (the playbook's en dashes, say) are written as \uXXXX escapes, so that the
//   reply is a one-byte string: V8 keeps a string with any such character at two bytes a character,
//   and measuring, then encoding, such a string as UTF-8 cost more than building the reply. Latin-1
//   letters (é, ü) stay as they are. A piece without such characters passes the check for free.
// docs/decisions.md, "Replies reuse the JSON of frozen parts" and "Replies are one-byte strings".

const cache = new WeakMap<object, string>()
// Frozen, but with something mutable inside (or a class instance): never cached, checked once.
const uncacheable = new WeakSet<object>()

// The `"key":` text of object keys: a reply's keys are few and repeat in every reply. Bounded, so
// that replies with keys of their own (charter columns, say) cannot grow it without end.
const keyTexts = new Map<string, string>()
const MAX_KEY_TEXTS = 2048

// A character that V8 cannot keep in a one-byte string. Testing a one-byte string for it is free.
const WIDE = /[\u0100-\uffff]/
const WIDE_ALL = /[\u0100-\uffff]/g

/**
 * `JSON.stringify(value)`, reusing the JSON of frozen objects and arrays it has seen before, with
 * characters above U+00FF escaped: `JSON.parse` of either gives the same value.
 */
export function serializeJson(value: unknown): string {
  return write(value, true) ?? 'null'
}

function write(value: unknown, root: boolean): string | undefined {
  if (value === null || typeof value !== 'object') return stringify(value)
  if (Object.isFrozen(value)) {
    const cached = cache.get(value)
    if (cached !== undefined) return cached
    if (!uncacheable.has(value)) {
      if (isDeeplyFrozenPlain(value)) {
        const json = escapeWide(JSON.stringify(value))
        cache.set(value, json)
        return json
      }
      uncacheable.add(value)
    }
  }
  // The root is taken apart; below it, only a container that holds a frozen part itself: taking
  // apart the others (a profile, a list of findings) costs more than one JSON.stringify of each.
  return isPlain(value) && (root || holdsFrozen(value)) ? writeParts(value) : stringify(value)
}

/** Whether an array or plain object has an item that is a frozen object. */
function holdsFrozen(value: object): boolean {
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key]
    if (item !== null && typeof item === 'object' && Object.isFrozen(item)) return true
  }
  return false
}

/** An array's or a plain object's JSON, from the JSON of each of its items. */
function writeParts(value: object): string {
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      // Like JSON.stringify: undefined, functions and symbols in arrays become null.
      out += write(value[i], false) ?? 'null'
    }
    return `${out}]`
  }
  let out = '{'
  let first = true
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const json = write((value as Record<string, unknown>)[key], false)
    if (json === undefined) continue
    out += `${first ? '' : ','}${keyText(key)}${json}`
    first = false
  }
  return `${out}}`
}

function keyText(key: string): string {
  let text = keyTexts.get(key)
  if (text === undefined) {
    text = `${escapeWide(JSON.stringify(key))}:`
    if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, text)
  }
  return text
}

/** JSON.stringify, with characters above U+00FF escaped. */
function stringify(value: unknown): string | undefined {
  const json = JSON.stringify(value) as string | undefined
  return json === undefined ? undefined : escapeWide(json)
}

/** JSON text with each character above U+00FF as a \uXXXX escape, in a one-byte string. */
function escapeWide(json: string): string {
  if (!WIDE.test(json)) return json
  // After the escapes every character is below U+0100, so the Latin-1 round trip loses nothing; it
  // is what turns the two-byte string `replace` returns into a one-byte one.
  return Buffer.from(json.replace(WIDE_ALL, escapeChar), 'latin1').toString('latin1')
}

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
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
