import { ErrorCode, MicrocredError } from '../error/index.js';
import { DID_CONTEXT, type DidDocument } from './did-key.js';
import { assertEd25519PublicKey } from './ed25519.js';

/** The public Ed25519 JWK a did:jwk encodes (RFC 8037 OKP), members in RFC 7638 thumbprint order. */
export interface Ed25519PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
}

const JWS_2020_CONTEXT = 'https://w3id.org/security/suites/jws-2020/v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.DID_RESOLUTION_ERROR, message);
}

/** `did:jwk:<base64url(JSON of the JWK)>` for an Ed25519 public key (did:jwk method spec §2.1). */
export function didJwkFromPublicKey(publicKey: Uint8Array): string {
  assertEd25519PublicKey(publicKey);
  const jwk: Ed25519PublicJwk = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(publicKey).toString('base64url'),
  };
  return `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
}

/**
 * Parses a did:jwk (or its only verification method, `#0`) holding an Ed25519 public key. Other key
 * types, private members (`d`) and a fragment other than `0` are refused: the platform signs and binds
 * only Ed25519, and a JWK carrying a secret must never be taken as an identifier.
 */
export function parseDidJwk(didOrUrl: string): {
  readonly did: string;
  readonly jwk: Ed25519PublicJwk;
  readonly publicKey: Uint8Array;
} {
  const match = /^did:jwk:([A-Za-z0-9_-]+)(?:#(.*))?$/.exec(didOrUrl);
  if (match === null || match[1] === undefined) fail(`not a valid did:jwk: ${didOrUrl.slice(0, 200)}`);
  if (match[2] !== undefined && match[2] !== '0') fail('the one verification method of a did:jwk is #0');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1], 'base64url')));
  } catch {
    fail('a did:jwk must encode a JSON object in base64url');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('a did:jwk must encode a JWK');
  const jwk = value as Record<string, unknown>;
  if ('d' in jwk) fail('a did:jwk must not contain private key material');
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519')
    fail('only Ed25519 (OKP) did:jwk identifiers are supported');
  if (typeof jwk.x !== 'string' || !BASE64URL.test(jwk.x)) fail('a did:jwk Ed25519 key needs its "x"');
  const publicKey = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  assertEd25519PublicKey(publicKey);
  return { did: `did:jwk:${match[1]}`, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, publicKey };
}

/** The DID document of an Ed25519 did:jwk, derived locally (did:jwk method spec §2.3). */
export function didJwkDocument(did: string): DidDocument {
  const { did: bareDid, jwk } = parseDidJwk(did);
  const vmId = `${bareDid}#0`;
  return {
    '@context': [DID_CONTEXT, JWS_2020_CONTEXT],
    id: bareDid,
    verificationMethod: [{ id: vmId, type: 'JsonWebKey2020', controller: bareDid, publicKeyJwk: { ...jwk } }],
    authentication: [vmId],
    assertionMethod: [vmId],
    capabilityInvocation: [vmId],
    capabilityDelegation: [vmId],
  };
}
