import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { ErrorCode, MicrocredError } from '../error/index.js';

// DER prefixes that wrap a raw 32-byte Ed25519 key for node:crypto (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const ED25519_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

/** A raw Ed25519 key pair. `secretKey` is the 32-byte RFC 8032 seed. */
export interface Ed25519RawKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, `${what} must be ${length} bytes`);
  }
}

/** Imports a raw Ed25519 public key as a node:crypto KeyObject (validates the point encoding). */
export function importEd25519PublicKey(publicKey: Uint8Array): KeyObject {
  assertLength(publicKey, ED25519_KEY_LENGTH, 'an Ed25519 public key');
  try {
    return createPublicKey({
      key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
  } catch (cause) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'not a valid Ed25519 public key', { cause });
  }
}

export function importEd25519SecretKey(secretKey: Uint8Array): KeyObject {
  assertLength(secretKey, ED25519_KEY_LENGTH, 'an Ed25519 secret key (seed)');
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** Derives the key pair of a 32-byte seed, or of a fresh random seed when none is given. */
export function generateEd25519KeyPair(
  seed: Uint8Array = randomBytes(ED25519_KEY_LENGTH),
): Ed25519RawKeyPair {
  const privateKey = importEd25519SecretKey(seed);
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    publicKey: new Uint8Array(spki.subarray(SPKI_ED25519_PREFIX.length)),
    secretKey: new Uint8Array(seed),
  };
}

/** Pure Ed25519 (RFC 8032) signature over `data`. */
export function signEd25519(secretKey: KeyObject | Uint8Array, data: Uint8Array): Uint8Array {
  const key = secretKey instanceof Uint8Array ? importEd25519SecretKey(secretKey) : secretKey;
  return new Uint8Array(sign(null, data, key));
}

/** Returns false (never throws) for a wrong-length or otherwise bad signature. */
export function verifyEd25519(
  publicKey: KeyObject | Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  const key = publicKey instanceof Uint8Array ? importEd25519PublicKey(publicKey) : publicKey;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
