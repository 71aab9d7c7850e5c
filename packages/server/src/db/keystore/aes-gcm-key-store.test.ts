import { randomBytes } from 'node:crypto';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { AesGcmKeyStore } from './aes-gcm-key-store.js';
import { deriveSubkey } from './derive-subkey.js';

const masterKey = new Uint8Array(randomBytes(32));
const secret = new Uint8Array(randomBytes(32));
const keyId = 'a3f1c2d4-0000-4000-8000-000000000001#key-1';

async function failure(promise: Promise<unknown>): Promise<MicrocredError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('AesGcmKeyStore', () => {
  const store = new AesGcmKeyStore({ masterKey });

  it('round-trips a secret', async () => {
    const sealed = await store.encrypt({ keyId, secret });
    expect(sealed).toHaveLength(1 + 12 + secret.length + 16);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(await store.decrypt({ keyId, sealed })).toEqual(secret);
  });

  it('uses a fresh IV every time', async () => {
    const a = await store.encrypt({ keyId, secret });
    const b = await store.encrypt({ keyId, secret });
    expect(Buffer.from(a.subarray(1, 13)).equals(Buffer.from(b.subarray(1, 13)))).toBe(false);
  });

  it('does not open under another master key', async () => {
    const sealed = await store.encrypt({ keyId, secret });
    const other = new AesGcmKeyStore({ masterKey: new Uint8Array(randomBytes(32)) });
    const error = await failure(other.decrypt({ keyId, sealed }));
    expect(error.code).toBe(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR);
  });

  it('does not open for another key id (a row swapped between keys)', async () => {
    const sealed = await store.encrypt({ keyId, secret });
    const error = await failure(store.decrypt({ keyId: `${keyId}x`, sealed }));
    expect(error.code).toBe(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR);
  });

  it.each([
    ['the version', 0],
    ['the IV', 5],
    ['the ciphertext', 20],
    ['the tag', -1],
  ])('rejects a change to %s', async (_part, position) => {
    const sealed = await store.encrypt({ keyId, secret });
    const tampered = Uint8Array.from(sealed);
    const at = position < 0 ? tampered.length + position : position;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const error = await failure(store.decrypt({ keyId, sealed: tampered }));
    expect(error.code).toBe(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR);
  });

  it('rejects truncated input without throwing anything else', async () => {
    const sealed = await store.encrypt({ keyId, secret });
    for (const length of [0, 1, 20, sealed.length - 1]) {
      const error = await failure(store.decrypt({ keyId, sealed: sealed.subarray(0, length) }));
      expect(error.code).toBe(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR);
    }
  });
});

describe('deriveSubkey', () => {
  it('gives independent keys per purpose, stable per master key', () => {
    const a = deriveSubkey({ masterKey, purpose: 'recipient-lookup' });
    expect(a).toHaveLength(32);
    expect(deriveSubkey({ masterKey, purpose: 'recipient-lookup' })).toEqual(a);
    expect(deriveSubkey({ masterKey, purpose: 'key-store/v1' })).not.toEqual(a);
    expect(() => deriveSubkey({ masterKey: new Uint8Array(16), purpose: 'x' })).toThrow(RangeError);
  });
});
