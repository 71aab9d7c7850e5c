import { createCipheriv, createDecipheriv, randomBytes as nodeRandomBytes } from 'node:crypto';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { KeyStore } from '../../domain/ports/key-store.js';
import { deriveSubkey } from './derive-subkey.js';

// Sealed layout: version (1 byte) | IV (12 bytes, NIST SP 800-38D's recommended length) | ciphertext | tag (16 bytes).
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

export interface AesGcmKeyStoreOptions {
  /** 32 bytes from `MASTER_KEY`. The AES key is derived from it, never the master key itself. */
  readonly masterKey: Uint8Array;
  /** Source of IVs; injectable for tests. A random 96-bit IV per seal keeps GCM's IV-reuse risk negligible. */
  readonly randomBytes?: (size: number) => Uint8Array;
}

/** `KeyStore` sealing secrets with AES-256-GCM under a key derived from the master key. */
export class AesGcmKeyStore implements KeyStore {
  readonly #key: Uint8Array;
  readonly #randomBytes: (size: number) => Uint8Array;

  constructor(options: AesGcmKeyStoreOptions) {
    this.#key = deriveSubkey({ masterKey: options.masterKey, purpose: 'key-store/v1' });
    this.#randomBytes = options.randomBytes ?? nodeRandomBytes;
  }

  async encrypt(options: { readonly keyId: string; readonly secret: Uint8Array }): Promise<Uint8Array> {
    const iv = this.#randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(additionalData(options.keyId));
    const ciphertext = Buffer.concat([cipher.update(options.secret), cipher.final()]);
    return new Uint8Array(Buffer.concat([Uint8Array.of(VERSION), iv, ciphertext, cipher.getAuthTag()]));
  }

  async decrypt(options: { readonly keyId: string; readonly sealed: Uint8Array }): Promise<Uint8Array> {
    const { sealed } = options;
    if (sealed.length < 1 + IV_LENGTH + TAG_LENGTH || sealed[0] !== VERSION) {
      throw new MicrocredError(
        ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        'The sealed key is not in a known format',
        {
          details: { keyId: options.keyId },
        },
      );
    }
    const iv = sealed.subarray(1, 1 + IV_LENGTH);
    const ciphertext = sealed.subarray(1 + IV_LENGTH, sealed.length - TAG_LENGTH);
    const tag = sealed.subarray(sealed.length - TAG_LENGTH);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_LENGTH });
      decipher.setAAD(additionalData(options.keyId));
      decipher.setAuthTag(tag);
      return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
    } catch (cause) {
      throw new MicrocredError(
        ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        'The sealed key does not open: altered, or sealed under another master key or key id',
        { cause, details: { keyId: options.keyId } },
      );
    }
  }
}

/** The version byte and the key id: a sealed secret opens only for the key (and format) it was sealed for. */
function additionalData(keyId: string): Uint8Array {
  return Buffer.concat([Uint8Array.of(VERSION), Buffer.from(keyId, 'utf8')]);
}
