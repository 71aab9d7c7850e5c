/** A JSON object: what a credential, a proof, a DID document or a `jsonb` column holds. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object; an array and `null` are not, though `typeof` says "object" for both. */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
