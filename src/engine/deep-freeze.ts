/**
 * Freezes a value and everything reachable through its own properties, in place, and returns it.
 * A compiled playbook is shared by every assessment a process makes: freezing it turns an accidental
 * mutation by one caller into a TypeError instead of a silent change to every later answer.
 * Maps, sets and functions are frozen as objects only; their contents stay as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}
