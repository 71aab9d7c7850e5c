import { base64url, calculateJwkThumbprint, type JWK } from 'jose';
import { assertEd25519PublicKey, resolveVerificationMethod } from '../../did/index.js';
import { ErrorCode, isMicrocredError, MicrocredError } from '../../error/index.js';
import { isRecord } from '../../json/index.js';
import type { ResourceFetcher } from '../../resource/index.js';
import type { CredentialJwtHeader } from './check-jwt-header.js';

/** Where the verification key of a VC-JWT came from. */
export type JwtKeySource =
  /** The `jwk` header: self-asserted, nothing binds it to the issuer. */
  | 'jwk-header'
  /** `kid` is a did:key / did:web / https verification method: its controller is known. */
  | 'kid-verification-method'
  /** `kid` is a URL that returns one bare JWK (1EdTech convention): no controller is declared. */
  | 'kid-jwk-document';

/** The public key that a VC-JWT signature must verify under, with what is known of its provenance. */
export interface ResolvedJwtKey {
  readonly jwk: JWK;
  readonly source: JwtKeySource;
  /** The DID or controller document that lists the key; the issuer must equal it. */
  readonly controller?: string;
  readonly kid?: string;
  /** Controlled Identifiers `revoked`: signatures made after it must not be trusted. */
  readonly revoked?: string;
}

// JWK members that carry private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4; AKP `priv`).
const SECRET_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'];
const PUBLIC_KEY_TYPES = new Set(['RSA', 'EC', 'OKP']);

function fail(code: ErrorCode, message: string, cause?: unknown): never {
  throw new MicrocredError(code, message, cause === undefined ? {} : { cause });
}

/** Accepts only an asymmetric public JWK: OB 3.0 "a JWK MUST never contain d"; `oct` would be an HMAC secret. */
function publicJwk(value: unknown, where: string): JWK {
  if (!isRecord(value)) fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, `${where} is not a JSON Web Key`);
  const secret = SECRET_MEMBERS.filter((member) => member in value);
  if (secret.length > 0) {
    fail(
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      `${where} contains private or secret key material (${secret.join(', ')}): never trusted`,
    );
  }
  if (typeof value.kty !== 'string' || !PUBLIC_KEY_TYPES.has(value.kty)) {
    fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, `${where} must be an RSA, EC or OKP public key`);
  }
  if (value.kty === 'OKP' && value.crv === 'Ed25519') {
    // jose hands the key to OpenSSL, which accepts small-order and non-canonical points: check first.
    const x =
      typeof value.x === 'string' && /^[A-Za-z0-9_-]*$/.test(value.x) ? base64url.decode(value.x) : undefined;
    if (x === undefined) fail(ErrorCode.INVALID_KEY, `${where} has no Ed25519 "x"`);
    assertEd25519PublicKey(x);
  }
  return { ...value } as JWK;
}

function ed25519Jwk(publicKey: Uint8Array): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(publicKey) };
}

/** One fetch per URL per verification, even when the DID resolver asks again. */
function memoize(fetcher: ResourceFetcher): ResourceFetcher {
  const seen = new Map<string, Promise<unknown>>();
  return (url) => {
    let pending = seen.get(url);
    if (pending === undefined) {
      pending = Promise.resolve().then(() => fetcher(url));
      seen.set(url, pending);
    }
    return pending;
  };
}

function isDereferenceable(kid: string): boolean {
  // Plain http is refused: a key fetched without TLS can be swapped in transit.
  return kid.startsWith('did:key:') || kid.startsWith('did:web:') || kid.startsWith('https://');
}

async function keyFromVerificationMethod(kid: string, fetcher: ResourceFetcher): Promise<ResolvedJwtKey> {
  let method: Awaited<ReturnType<typeof resolveVerificationMethod>>;
  try {
    method = await resolveVerificationMethod(kid, { fetcher, purpose: 'assertionMethod' });
  } catch (cause) {
    const code = isMicrocredError(cause) ? cause.code : ErrorCode.DID_RESOLUTION_ERROR;
    const reason = cause instanceof Error ? cause.message : 'unknown error';
    fail(code, `kid ${kid.slice(0, 200)} could not be resolved: ${reason}`, cause);
  }
  return {
    jwk: ed25519Jwk(method.publicKey),
    source: 'kid-verification-method',
    controller: method.controller,
    kid,
    ...(method.revoked === undefined ? {} : { revoked: method.revoked }),
  };
}

async function keyFromKid(kid: string, fetcher: ResourceFetcher): Promise<ResolvedJwtKey> {
  if (kid.startsWith('https://')) {
    // OB 3.0 §"Dereferencing the Public Key" / [VAL] ExternalProofProbe: GET kid returns one JWK.
    // Anything else at that URL is read as a key or controller document (Multikey).
    const document = await fetcher(kid).catch(() => undefined);
    if (isRecord(document) && typeof document.kty === 'string') {
      return { jwk: publicJwk(document, `the JWK at ${kid.slice(0, 200)}`), source: 'kid-jwk-document', kid };
    }
  }
  return keyFromVerificationMethod(kid, fetcher);
}

/**
 * Finds the public key of a VC-JWT from its header. `kid` wins over `jwk` when it can be dereferenced
 * (it carries provenance; the 1EdTech validator also prefers it), and a `jwk` sent alongside must then
 * be the same key. An opaque `kid` next to a `jwk` is only a label. Throws a MicrocredError.
 */
export async function resolveJwtKey(options: {
  header: CredentialJwtHeader;
  fetcher: ResourceFetcher;
}): Promise<ResolvedJwtKey> {
  const { kid, jwk } = options.header;
  const headerKey = jwk === undefined ? undefined : publicJwk(jwk, 'the jwk header');
  if (kid !== undefined && isDereferenceable(kid)) {
    const resolved = await keyFromKid(kid, memoize(options.fetcher));
    if (headerKey !== undefined) {
      // RFC 7638 thumbprints compare the key material only, whatever the other JWK members say.
      const same = await Promise.all([
        calculateJwkThumbprint(resolved.jwk),
        calculateJwkThumbprint(headerKey),
      ]).then(
        ([fromKid, fromHeader]) => fromKid === fromHeader,
        () => false,
      );
      if (!same) {
        fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the jwk header is not the key that kid names');
      }
    }
    return resolved;
  }
  if (headerKey !== undefined) {
    return { jwk: headerKey, source: 'jwk-header', ...(kid === undefined ? {} : { kid }) };
  }
  if (kid !== undefined) {
    fail(
      ErrorCode.DID_RESOLUTION_ERROR,
      `kid ${kid.slice(0, 200)} cannot be dereferenced (supported: did:key, did:web, https URLs)`,
    );
  }
  fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the JWT header names no key: OB 3.0 requires kid or jwk');
}
