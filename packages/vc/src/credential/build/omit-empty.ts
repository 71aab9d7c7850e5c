/**
 * Drops `undefined`, `null` and empty arrays at every depth: OB 3.0 serialization.md says null
 * values and empty arrays MUST be omitted. Objects carrying their own `@context` are embedded
 * credentials (endorsements, CLR members) whose proofs cover their exact content, so they are
 * copied untouched.
 */
export function omitEmpty<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined && item !== null).map(strip);
  }
  if (typeof value !== 'object' || value === null || '@context' in value) {
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) {
      continue;
    }
    const stripped = strip(entry);
    if (Array.isArray(stripped) && stripped.length === 0) {
      continue;
    }
    result[key] = stripped;
  }
  return result;
}
