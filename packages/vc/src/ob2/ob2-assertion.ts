import { parseCompactJws } from '../proof/jwt/parse-compact-jws.js';

/** The OB 2.0 JSON-LD context, under its canonical URL and the one the spec's examples also use. */
export const OB2_CONTEXTS: readonly string[] = [
  'https://w3id.org/openbadges/v2',
  'https://openbadgespec.org/v2/context.json',
];

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const VC_CONTEXTS: readonly unknown[] = [
  'https://www.w3.org/2018/credentials/v1',
  'https://www.w3.org/ns/credentials/v2',
];

/**
 * An OB 2.0 Assertion: its `@context` is the OB v2 one, or its type is `Assertion` (OB 2.0 §Assertion). A
 * verifiable credential is never one, whatever else its contexts list: it keeps the OB 3.0 pipeline.
 */
export function isOb2Assertion(document: unknown): document is Record<string, unknown> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const record = document as Record<string, unknown>;
  const contexts = asArray(record['@context']);
  if (
    contexts.some((context) => VC_CONTEXTS.includes(context)) ||
    asArray(record.type).includes('VerifiableCredential')
  )
    return false;
  if (
    asArray(record['@context']).some(
      (context) => typeof context === 'string' && OB2_CONTEXTS.includes(context),
    )
  )
    return true;
  return asArray(record.type).includes('Assertion');
}

/**
 * Whether a compact JWS is an OB 2.0 signed assertion (OB 2.0 §Signed Badges: RS256, the assertion as
 * payload). Only the header and payload are read; nothing here is trusted. An RS256 VC-JWT (OB 3.0)
 * carries a credential, not an Assertion, so it stays with the VC-JWT verifier.
 */
export function isOb2Jws(jws: string): boolean {
  try {
    const { header, payload } = parseCompactJws({ jws });
    return header.alg === 'RS256' && isOb2Assertion(payload);
  } catch {
    return false;
  }
}

/** A hosted assertion's URL as baked (OB 2.0 §Baking: the `verify` value may be the assertion's URL). */
export function isHostedAssertionUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text.trim());
}
