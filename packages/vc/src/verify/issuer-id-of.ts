import { isRecord } from '../json/index.js';

/** The issuer's id: `issuer` itself when it is a string, else its `id` (VC 2.0 §4.7). */
export function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}
