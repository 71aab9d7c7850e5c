import { decodeBase58btc, encodeBase58btc } from '../encoding/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { ED25519_KEY_LENGTH } from './ed25519.js';

// Multicodec varint prefixes (EdDSA cryptosuites §2.1.1): ed25519-pub 0xed, ed25519-priv 0x1300.
const ED25519_PUBLIC_PREFIX = Uint8Array.of(0xed, 0x01);
const ED25519_SECRET_PREFIX = Uint8Array.of(0x80, 0x26);

function withPrefix(prefix: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + key.length);
  out.set(prefix, 0);
  out.set(key, prefix.length);
  return out;
}

function stripPrefix(prefix: Uint8Array, bytes: Uint8Array, what: string): Uint8Array {
  if (
    bytes.length !== prefix.length + ED25519_KEY_LENGTH ||
    bytes[0] !== prefix[0] ||
    bytes[1] !== prefix[1]
  ) {
    throw new MicrocredError(
      ErrorCode.INVALID_KEY,
      `${what} must be multicodec 0x${Buffer.from(prefix).toString('hex')} followed by 32 bytes`,
    );
  }
  return bytes.slice(prefix.length);
}

/** `z` + base58btc(0xed01 ‖ key): always starts with `z6Mk`. */
export function encodeMultikeyPublic(publicKey: Uint8Array): string {
  return encodeBase58btc(withPrefix(ED25519_PUBLIC_PREFIX, publicKey));
}

export function decodeMultikeyPublic(publicKeyMultibase: string): Uint8Array {
  return stripPrefix(
    ED25519_PUBLIC_PREFIX,
    decodeBase58btc(publicKeyMultibase),
    'an Ed25519 publicKeyMultibase',
  );
}

/** `z` + base58btc(0x8026 ‖ seed). */
export function encodeMultikeySecret(secretKey: Uint8Array): string {
  return encodeBase58btc(withPrefix(ED25519_SECRET_PREFIX, secretKey));
}

export function decodeMultikeySecret(secretKeyMultibase: string): Uint8Array {
  return stripPrefix(
    ED25519_SECRET_PREFIX,
    decodeBase58btc(secretKeyMultibase),
    'an Ed25519 secretKeyMultibase',
  );
}
