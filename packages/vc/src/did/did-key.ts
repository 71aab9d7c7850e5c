import { ErrorCode, MicrocredError } from '../error/index.js';
import { assertEd25519PublicKey } from './ed25519.js';
import { decodeMultikeyPublic, encodeMultikeyPublic } from './multikey.js';

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface DidDocument {
  readonly '@context'?: unknown;
  readonly id: string;
  readonly controller?: string | readonly string[];
  readonly verificationMethod?: readonly VerificationMethodDocument[];
  readonly assertionMethod?: readonly (string | VerificationMethodDocument)[];
  readonly authentication?: readonly (string | VerificationMethodDocument)[];
  readonly capabilityInvocation?: readonly (string | VerificationMethodDocument)[];
  readonly capabilityDelegation?: readonly (string | VerificationMethodDocument)[];
  readonly [key: string]: unknown;
}

export interface VerificationMethodDocument {
  readonly id: string;
  readonly type: string;
  readonly controller: string;
  readonly publicKeyMultibase?: string;
  readonly publicKeyJwk?: Readonly<Record<string, unknown>>;
  /** Controlled Identifiers: the time after which the key must no longer be trusted. */
  readonly revoked?: string;
  readonly [key: string]: unknown;
}

/** `did:key:z6Mk…` for an Ed25519 public key. */
export function didKeyFromPublicKey(publicKey: Uint8Array): string {
  return `did:key:${encodeMultikeyPublic(publicKey)}`;
}

/** The verification method id of a did:key: `did:key:<mb>#<mb>`. */
export function didKeyVerificationMethodId(did: string): string {
  return `${did}#${parseDidKey(did).publicKeyMultibase}`;
}

/** Parses an Ed25519 did:key (with or without fragment) into its multibase key and raw public key. */
export function parseDidKey(didOrUrl: string): {
  did: string;
  publicKeyMultibase: string;
  publicKey: Uint8Array;
} {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(didOrUrl);
  if (match === null || match[1] === undefined) {
    throw new MicrocredError(
      ErrorCode.DID_RESOLUTION_ERROR,
      `not a valid did:key: ${didOrUrl.slice(0, 200)}`,
    );
  }
  const publicKeyMultibase = match[1];
  if (match[2] !== undefined && match[2] !== publicKeyMultibase) {
    throw new MicrocredError(ErrorCode.DID_RESOLUTION_ERROR, 'a did:key fragment must repeat the key');
  }
  let publicKey: Uint8Array;
  try {
    publicKey = decodeMultikeyPublic(publicKeyMultibase);
  } catch (cause) {
    throw new MicrocredError(
      ErrorCode.DID_RESOLUTION_ERROR,
      'only Ed25519 did:key identifiers are supported',
      {
        cause,
      },
    );
  }
  // A did:key of a small-order point would let anyone sign as it: refused as a key, not as a DID.
  assertEd25519PublicKey(publicKey);
  return { did: `did:key:${publicKeyMultibase}`, publicKeyMultibase, publicKey };
}

/** The DID document of an Ed25519 did:key, derived locally (did:key method spec). */
export function didKeyDocument(did: string): DidDocument {
  const { did: bareDid, publicKeyMultibase } = parseDidKey(did);
  const vmId = `${bareDid}#${publicKeyMultibase}`;
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: bareDid,
    verificationMethod: [{ id: vmId, type: 'Multikey', controller: bareDid, publicKeyMultibase }],
    authentication: [vmId],
    assertionMethod: [vmId],
    capabilityInvocation: [vmId],
    capabilityDelegation: [vmId],
  };
}
