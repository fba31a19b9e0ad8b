/**
 * A copy of a parsed document in which every string is a fresh, flat string of its own.
 *
 * A YAML parser hands back slices of the file's text. If the file has a single character above
 * U+00FF anywhere (an en dash in a title, a box-drawing comment), V8 keeps the whole text two bytes a
 * character, and so every slice of it, ASCII or not; and each slice keeps the whole text alive.
 * Compiled playbook strings end up in every assessment, where a two-byte string makes the reply cost
 * more to build, measure and encode (docs/decisions.md, "Replies are one-byte strings"). A JSON round
 * trip of a string makes a new string, one byte a character whenever its characters allow.
 *
 * Arrays and plain objects are copied; other values (numbers, dates, functions) are kept as they are.
 */
export function compactStrings<T>(value: T): T {
  return compact(value) as T
}

function compact(value: unknown): unknown {
  if (typeof value === 'string') return JSON.parse(JSON.stringify(value))
  if (Array.isArray(value)) return value.map(compact)
  if (value === null || typeof value !== 'object') return value
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  // fromEntries defines properties, so a key named __proto__ stays a key and sets no prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [compact(key) as string, compact(item)]),
  )
}
