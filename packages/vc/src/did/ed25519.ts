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

// The order of the base point's subgroup, L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032
// §5.1), little-endian like S.
const GROUP_ORDER_LE = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');

/**
 * The canonical encodings of the eight points of order 1, 2, 4 and 8 (the identity, (0,-1), (±√-1,0) and
 * the four points of order 8), as libsodium's blocklist and "Taming the many EdDSAs" (Chalkias et al.,
 * 2020) list them. A key among them verifies signatures that prove nothing: with R = identity and S = 0
 * OpenSSL accepts any message under the identity key. Their non-canonical variants (y + p, the sign bit
 * set on x = 0) are refused by the canonical-encoding check before this list is consulted.
 */
export const ED25519_SMALL_ORDER_POINTS: readonly string[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000080',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
];
const SMALL_ORDER = ED25519_SMALL_ORDER_POINTS.map((hex) => Buffer.from(hex, 'hex'));

/** Whether 32 little-endian bytes, the top bit of the last ignored, are at least p = 2^255 - 19. */
function atLeastFieldPrime(encoded: Uint8Array): boolean {
  if (((encoded[31] ?? 0) & 0x7f) !== 0x7f) return false;
  for (let index = 30; index >= 1; index--) if (encoded[index] !== 0xff) return false;
  return (encoded[0] ?? 0) >= 0xed;
}

/** Whether y (the top bit of the last byte ignored) is 1 or p - 1: the two points with x = 0. */
function hasZeroX(encoded: Uint8Array): boolean {
  const low = encoded[0];
  if (low !== 0x01 && low !== 0xec) return false;
  const middle = low === 0x01 ? 0x00 : 0xff;
  for (let index = 1; index <= 30; index++) if (encoded[index] !== middle) return false;
  return ((encoded[31] ?? 0) & 0x7f) === (low === 0x01 ? 0x00 : 0x7f);
}

function isSmallOrder(encoded: Uint8Array): boolean {
  return SMALL_ORDER.some((point) => point.equals(encoded));
}

/** Whether 32 little-endian bytes are a number below L. */
function belowGroupOrder(scalar: Uint8Array): boolean {
  for (let index = 31; index >= 0; index--) {
    const byte = scalar[index] ?? 0;
    const limit = GROUP_ORDER_LE[index] ?? 0;
    if (byte !== limit) return byte < limit;
  }
  return false;
}

/**
 * Why a 32-byte point encoding is unacceptable as a key or as a signature's R, or undefined when it is
 * fine: RFC 8032 §5.1.3 decoding made strict (y < p; no sign bit when x = 0, i.e. y = ±1), and never a
 * small-order point. Different verifiers accept different non-canonical forms; refusing them all keeps
 * one verdict. Whether the point is on the curve is left to OpenSSL, which refuses such a key and never
 * matches such an R. Byte comparisons only: this runs twice on every verification.
 */
function pointProblem(encoded: Uint8Array): string | undefined {
  if (atLeastFieldPrime(encoded)) return 'a non-canonical point encoding (y ≥ p)';
  if ((encoded[31] ?? 0) >> 7 === 1 && hasZeroX(encoded)) {
    return 'a non-canonical point encoding (sign bit set on x = 0)';
  }
  if (isSmallOrder(encoded)) return 'a small-order point';
  return undefined;
}

/**
 * Throws INVALID_KEY unless `publicKey` is a canonical encoding of an Ed25519 point of large order:
 * a small-order key lets anyone "sign" for it, and a non-canonical one is judged differently by
 * different libraries. Every path that verifies under an Ed25519 key calls this first.
 */
export function assertEd25519PublicKey(publicKey: Uint8Array): void {
  assertLength(publicKey, ED25519_KEY_LENGTH, 'an Ed25519 public key');
  const problem = pointProblem(publicKey);
  if (problem !== undefined) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, `not a valid Ed25519 public key: ${problem}`);
  }
}

/**
 * Why an Ed25519 signature is malleable or degenerate, or undefined when it is well formed: R must be a
 * canonical, large-order point and S < L (RFC 8032 §5.1.7 step 1; "Taming the many EdDSAs").
 */
export function ed25519SignatureProblem(signature: Uint8Array): string | undefined {
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) {
    return `an Ed25519 signature must be ${ED25519_SIGNATURE_LENGTH} bytes`;
  }
  const rProblem = pointProblem(signature.subarray(0, 32));
  if (rProblem !== undefined) return `its R is ${rProblem}`;
  if (!belowGroupOrder(signature.subarray(32))) return 'its S is not reduced (S ≥ L)';
  return undefined;
}

// Imported keys by their raw bytes: a verifier meets the same few issuer keys again and again, and the
// import (DER parse, point decompression in OpenSSL) costs as much as a tenth of a verification. Only
// keys that passed the checks are kept, and a KeyObject is immutable, so a hit is as good as an import.
const IMPORTED_KEYS_LIMIT = 1024;
const importedKeys = new Map<string, KeyObject>();

/** Imports a raw Ed25519 public key as a node:crypto KeyObject, refusing small-order and non-canonical keys. */
export function importEd25519PublicKey(publicKey: Uint8Array): KeyObject {
  const cacheKey =
    publicKey instanceof Uint8Array
      ? Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('latin1')
      : '';
  const cached = importedKeys.get(cacheKey);
  if (cached !== undefined) return cached;
  assertEd25519PublicKey(publicKey);
  let imported: KeyObject;
  try {
    imported = createPublicKey({
      key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
  } catch (cause) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'not a valid Ed25519 public key', { cause });
  }
  // Oldest first out: a bounded memory whatever keys a batch brings.
  if (importedKeys.size >= IMPORTED_KEYS_LIMIT) importedKeys.delete(importedKeys.keys().next().value ?? '');
  importedKeys.set(cacheKey, imported);
  return imported;
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

function rawPublicKey(key: KeyObject): Uint8Array {
  const { x } = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(typeof x === 'string' ? x : '', 'base64url'));
}

/**
 * Returns false for a wrong-length, malleable (S ≥ L, non-canonical R) or degenerate (small-order R)
 * signature. Throws INVALID_KEY for a key that is not a canonical large-order point, also when it comes
 * as a KeyObject, so no caller can bypass the check.
 */
export function verifyEd25519(
  publicKey: KeyObject | Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  let key: KeyObject;
  if (publicKey instanceof Uint8Array) {
    // Checks the key before it is first imported.
    key = importEd25519PublicKey(publicKey);
  } else if (publicKey.asymmetricKeyType === 'ed25519') {
    assertEd25519PublicKey(rawPublicKey(publicKey));
    key = publicKey;
  } else {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'not an Ed25519 public key');
  }
  if (ed25519SignatureProblem(signature) !== undefined) return false;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
