import { timingSafeEqual } from 'node:crypto';
import { createEd25519SigningKey, type SigningKey } from '@microcred/vc';
import type { SeedSigningKey } from './credential-signer.js';

/**
 * SigningKeys by verification method id, so a key's KeyObject is built once, not once per credential. The one
 * cache of built keys: the in-process signer and every signing worker thread each hold one.
 */
export interface SigningKeyCache {
  /** The SigningKey of `key`; throws INVALID_KEY for a seed that is not 32 bytes. */
  keyFor(key: SeedSigningKey): SigningKey;
}

/**
 * A small LRU cache of SigningKeys. An entry is reused only when the seed is the same too, so a key id
 * that comes back with another seed (a re-created issuer in tests, a mistake) never signs with the old one.
 */
export function createSigningKeyCache(options: { readonly capacity?: number } = {}): SigningKeyCache {
  const capacity = options.capacity ?? 64;
  const entries = new Map<string, { readonly seed: Uint8Array; readonly key: SigningKey }>();
  return {
    keyFor(key) {
      const cached = entries.get(key.id);
      if (
        cached !== undefined &&
        sameBytes(cached.seed, key.secretKey) &&
        cached.key.controller === key.controller
      ) {
        // Map order is insertion order: re-inserting makes this the most recently used entry.
        entries.delete(key.id);
        entries.set(key.id, cached);
        return cached.key;
      }
      const signingKey = createEd25519SigningKey({
        secretKey: key.secretKey,
        id: key.id,
        controller: key.controller,
      });
      entries.delete(key.id);
      entries.set(key.id, { seed: new Uint8Array(key.secretKey), key: signingKey });
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      return signingKey;
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
