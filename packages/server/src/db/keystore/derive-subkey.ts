import { hkdfSync } from 'node:crypto';

/**
 * A 32-byte key for one purpose, derived from the master key with HKDF-SHA256 (RFC 5869), so one
 * configured secret serves several uses without any two sharing a key: the key store's AES key, the
 * pepper of recipient lookup hashes, and whatever comes next under a new `purpose`.
 */
export function deriveSubkey(options: {
  readonly masterKey: Uint8Array;
  readonly purpose: string;
}): Uint8Array {
  if (options.masterKey.length !== 32) throw new RangeError('The master key is 32 bytes');
  return new Uint8Array(
    hkdfSync('sha256', options.masterKey, new Uint8Array(0), `microcred/${options.purpose}`, 32),
  );
}
