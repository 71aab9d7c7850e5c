/**
 * True for what JSON.parse can return. jsonld.js clones its input before expanding it, and that clone
 * drops a `__proto__` key, turns non-plain objects into strings and sparse array slots into
 * `undefined`: for anything else the fast path could not be sure it reads what the reference reads.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!(index in value) || !isPlainJson(value[index], depth + 1)) return false;
    }
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || !isPlainJson(value[key], depth + 1)) return false;
  }
  return true;
}

/** An object literal or JSON.parse result (jsonld.js's `isObject`, minus class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
