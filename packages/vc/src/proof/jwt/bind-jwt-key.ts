import { base64url, calculateJwkThumbprint, type JWK } from 'jose';
import { type DidDocument, decodeMultikeyPublic, resolveDidDocument } from '../../did/index.js';
import { isRecord, type JsonObject } from '../../json/index.js';
import type { ResourceFetcher } from '../../resource/index.js';
import type { ResolvedJwtKey } from './resolve-jwt-key.js';

/** Whether a key that named no controller of its own is shown to belong to the credential's issuer. */
export type JwtKeyBinding =
  | {
      readonly bound: true;
      /** The issuer, whose document lists the key (or under whose URL the key is published). */
      readonly controller: string;
      readonly how: string;
      /** Controlled Identifiers `revoked` of the verification method that lists the key. */
      readonly revoked?: string;
    }
  | { readonly bound: false; readonly reason: string };

async function thumbprint(jwk: unknown): Promise<string | undefined> {
  if (!isRecord(jwk)) return undefined;
  try {
    return await calculateJwkThumbprint(jwk as JWK);
  } catch {
    return undefined;
  }
}

/** The key material of a verification method as a JWK: Multikey (Ed25519) or publicKeyJwk. */
function methodJwk(method: JsonObject): JWK | undefined {
  if (typeof method.publicKeyMultibase === 'string') {
    try {
      return {
        kty: 'OKP',
        crv: 'Ed25519',
        x: base64url.encode(decodeMultikeyPublic(method.publicKeyMultibase)),
      };
    } catch {
      return undefined;
    }
  }
  return isRecord(method.publicKeyJwk) ? (method.publicKeyJwk as JWK) : undefined;
}

/**
 * The verification methods a controller document lists under `assertionMethod` (by reference or
 * embedded), whose controller is the document's subject (Controlled Identifiers §2.1, DID Core §5.3.2).
 */
function assertionMethods(document: JsonObject, subject: string): JsonObject[] {
  const all = Array.isArray(document.verificationMethod) ? document.verificationMethod.filter(isRecord) : [];
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${subject}${id}` : id);
  const listed = Array.isArray(document.assertionMethod) ? document.assertionMethod : [];
  return listed
    .map((entry) =>
      isRecord(entry)
        ? entry
        : typeof entry === 'string'
          ? all.find((method) => absolute(method.id) === absolute(entry))
          : undefined,
    )
    .filter((method): method is JsonObject => method !== undefined)
    .filter((method) => (method.controller ?? subject) === subject);
}

/** The keys of a JWK Set, at `jwks.keys` or, when the document is itself a JWKS, at `keys`. */
function jwksKeys(document: JsonObject): unknown[] {
  const set = isRecord(document.jwks) ? document.jwks : document;
  return Array.isArray(set.keys) ? set.keys : [];
}

/**
 * True when `candidate` is a URL strictly under `base`: same https origin, and the path continues after a
 * `/` or `#` boundary (`https://h/issuers/a/keys/1` is under `https://h/issuers/a`, `https://h/issuers/ab`
 * is not). Same-origin is not enough on a multi-tenant host. A candidate not already in WHATWG
 * normal form (dot segments, backslashes, upper-case host) or with encoded separators is refused, so
 * the URL compared is the URL a fetcher asks for.
 */
export function isUrlUnder(candidate: string, base: string): boolean {
  let url: URL;
  let root: URL;
  try {
    url = new URL(candidate);
    root = new URL(base);
  } catch {
    return false;
  }
  if (url.href !== candidate || url.protocol !== 'https:' || root.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '' || url.search !== '' || root.search !== '') return false;
  if (/%2f|%5c|%23|%3f/i.test(url.pathname)) return false;
  root.hash = '';
  const prefix = root.href;
  const boundaries = prefix.endsWith('/') ? [prefix] : [`${prefix}/`, `${prefix}#`];
  return boundaries.some((start) => candidate.startsWith(start) && candidate.length > start.length);
}

async function listedIn(
  keyThumbprint: string,
  candidates: readonly { jwk: unknown; revoked?: unknown }[],
): Promise<{ revoked?: string } | undefined> {
  for (const candidate of candidates) {
    if ((await thumbprint(candidate.jwk)) === keyThumbprint) {
      return typeof candidate.revoked === 'string' ? { revoked: candidate.revoked } : {};
    }
  }
  return undefined;
}

/**
 * Shows that a VC-JWT key with no controller of its own (a `jwk` header, or a `kid` URL returning a bare
 * JWK) belongs to the issuer, comparing key material (RFC 7638 thumbprints): a DID issuer's document must
 * list it under `assertionMethod` (resolved as for Data Integrity proofs); an https issuer must publish
 * it in the document at its URL (`assertionMethod`, or a JWK Set), or the `kid` URL must lie under the
 * issuer's URL. A key that only the token vouches for proves nothing about who signed it.
 */
export async function bindJwtKey(options: {
  readonly key: ResolvedJwtKey;
  readonly issuer: string | undefined;
  readonly fetcher: ResourceFetcher;
}): Promise<JwtKeyBinding> {
  const { key, issuer, fetcher } = options;
  if (issuer === undefined) return { bound: false, reason: 'the credential names no issuer' };
  const shownIssuer = issuer.slice(0, 200);
  if (key.source === 'kid-jwk-document' && key.kid !== undefined && isUrlUnder(key.kid, issuer)) {
    return {
      bound: true,
      controller: issuer,
      how: `kid ${key.kid.slice(0, 200)} is published under the issuer's URL`,
    };
  }
  const keyThumbprint = await thumbprint(key.jwk);
  if (keyThumbprint === undefined) return { bound: false, reason: 'the key has no RFC 7638 thumbprint' };

  if (issuer.startsWith('did:')) {
    let document: DidDocument;
    try {
      document = await resolveDidDocument(issuer, { fetcher });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        bound: false,
        reason: `the DID document of ${shownIssuer} could not be resolved (${why.slice(0, 200)})`,
      };
    }
    const methods = assertionMethods(document as JsonObject, issuer);
    const found = await listedIn(
      keyThumbprint,
      methods.map((method) => ({ jwk: methodJwk(method), revoked: method.revoked })),
    );
    return found === undefined
      ? {
          bound: false,
          reason: `the DID document of ${shownIssuer} does not list this key under assertionMethod`,
        }
      : {
          bound: true,
          controller: issuer,
          how: `the DID document of ${shownIssuer} lists the key`,
          ...found,
        };
  }

  if (issuer.startsWith('https://')) {
    let document: unknown;
    try {
      document = await fetcher(issuer);
    } catch {
      return { bound: false, reason: `the issuer's document at ${shownIssuer} could not be retrieved` };
    }
    if (!isRecord(document) || (document.id !== undefined && document.id !== issuer)) {
      return { bound: false, reason: `the document at ${shownIssuer} is not the issuer's` };
    }
    const candidates = [
      ...assertionMethods(document, issuer).map((method) => ({
        jwk: methodJwk(method),
        revoked: method.revoked,
      })),
      ...jwksKeys(document).map((jwk) => ({ jwk })),
    ];
    const found = await listedIn(keyThumbprint, candidates);
    return found === undefined
      ? { bound: false, reason: `the issuer's document at ${shownIssuer} does not publish this key` }
      : {
          bound: true,
          controller: issuer,
          how: `the issuer's document at ${shownIssuer} publishes the key`,
          ...found,
        };
  }
  return {
    bound: false,
    reason: `the issuer ${shownIssuer} is neither a DID nor an https URL that can publish keys`,
  };
}
