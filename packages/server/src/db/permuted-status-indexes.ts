import { createCipheriv } from 'node:crypto';

const SEED_LENGTH = 32;
const CACHE_SIZE = 8;
// 2^24 entries: a 2 MiB bitstring and a 64 MiB permutation, far past what one list needs.
export const MAX_STATUS_LIST_LENGTH = 2 ** 24;
const cache = new Map<string, Uint32Array>();

/**
 * The indexes a status list hands out at positions `[from, to)`. The order is a uniformly random
 * permutation of `[0, length)`, drawn by Fisher–Yates from an AES-256-CTR keystream keyed by the list's
 * 32-byte seed: indexes never repeat and say nothing about the order of issuance (Bitstring Status
 * List §6.1, herd privacy), while only a counter is stored. Deterministic in the seed, so every process
 * derives the same order; the permutations of the last few lists are cached.
 */
export function permutedStatusIndexes(options: {
  readonly seed: Uint8Array;
  readonly length: number;
  readonly from: number;
  readonly to: number;
}): number[] {
  const { seed, length, from, to } = options;
  if (seed.length !== SEED_LENGTH) throw new RangeError(`A status list seed is ${SEED_LENGTH} bytes`);
  if (!Number.isSafeInteger(length) || length < 1 || length > MAX_STATUS_LIST_LENGTH) {
    throw new RangeError('A status list length is between 1 and 2^24');
  }
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > length) {
    throw new RangeError('Positions must satisfy 0 <= from <= to <= length');
  }
  return Array.from(permutationFor(seed, length).subarray(from, to));
}

function permutationFor(seed: Uint8Array, length: number): Uint32Array {
  const key = `${Buffer.from(seed).toString('hex')}:${length}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Refresh its place: Map iteration order is insertion order, so the first key is the least recent.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const permutation = shuffle(seed, length);
  cache.set(key, permutation);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return permutation;
}

function shuffle(seed: Uint8Array, length: number): Uint32Array {
  const next = keystreamWords(seed);
  const permutation = new Uint32Array(length);
  for (let i = 0; i < length; i += 1) permutation[i] = i;
  for (let i = length - 1; i > 0; i -= 1) {
    const j = uniformBelow(i + 1, next);
    const a = permutation[i] ?? 0;
    permutation[i] = permutation[j] ?? 0;
    permutation[j] = a;
  }
  return permutation;
}

/** An unbiased integer in `[0, bound)`: rejection sampling drops the 32-bit values past a multiple of `bound`. */
function uniformBelow(bound: number, next: () => number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const value = next();
    if (value < limit) return value % bound;
  }
}

function keystreamWords(seed: Uint8Array): () => number {
  const cipher = createCipheriv('aes-256-ctr', seed, Buffer.alloc(16));
  const zeros = Buffer.alloc(64 * 1024);
  let block = cipher.update(zeros);
  let offset = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = cipher.update(zeros);
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
}
