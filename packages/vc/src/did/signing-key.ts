import type { KeyObject } from 'node:crypto';
import { generateEd25519KeyPair, importEd25519SecretKey, signEd25519 } from './ed25519.js';
import { decodeMultikeySecret, encodeMultikeyPublic, encodeMultikeySecret } from './multikey.js';

/**
 * What a proof needs to sign: the verification method it names and a signing operation.
 * `sign` may be backed by a KMS or a worker thread; the raw secret never has to leave it.
 */
export interface SigningKey {
  /** The verification method URL, e.g. `did:web:example.org:issuers:acme#key-1`. */
  readonly id: string;
  readonly controller: string;
  readonly publicKey: Uint8Array;
  readonly publicKeyMultibase: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A Multikey verification method as it appears in a DID or controller document. */
export interface MultikeyDocument {
  readonly id: string;
  readonly type: 'Multikey';
  readonly controller: string;
  readonly publicKeyMultibase: string;
  readonly secretKeyMultibase?: string;
}

/** Wraps a 32-byte Ed25519 seed as a SigningKey (the node:crypto KeyObject is created once). */
export function createEd25519SigningKey(options: {
  secretKey: Uint8Array;
  id: string;
  controller: string;
}): SigningKey {
  const { publicKey } = generateEd25519KeyPair(options.secretKey);
  const keyObject: KeyObject = importEd25519SecretKey(options.secretKey);
  return {
    id: options.id,
    controller: options.controller,
    publicKey,
    publicKeyMultibase: encodeMultikeyPublic(publicKey),
    sign: (data) => Promise.resolve(signEd25519(keyObject, data)),
  };
}

/** Reads a Multikey document that includes `secretKeyMultibase` (the CLI's key file) as a SigningKey. */
export function signingKeyFromMultikey(document: MultikeyDocument): SigningKey {
  if (document.secretKeyMultibase === undefined) {
    throw new TypeError('the key document has no secretKeyMultibase');
  }
  return createEd25519SigningKey({
    secretKey: decodeMultikeySecret(document.secretKeyMultibase),
    id: document.id,
    controller: document.controller,
  });
}

/** Exports a key pair as a Multikey document, with the secret only when asked for. */
export function toMultikeyDocument(options: {
  id: string;
  controller: string;
  publicKey: Uint8Array;
  secretKey?: Uint8Array;
}): MultikeyDocument {
  const base = {
    id: options.id,
    type: 'Multikey' as const,
    controller: options.controller,
    publicKeyMultibase: encodeMultikeyPublic(options.publicKey),
  };
  return options.secretKey === undefined
    ? base
    : { ...base, secretKeyMultibase: encodeMultikeySecret(options.secretKey) };
}
