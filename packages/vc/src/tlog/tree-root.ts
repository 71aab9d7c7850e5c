import type { HashReader } from './hash-reader.js';
import { assertTreeSize, EMPTY_ROOT_HASH, hashChildren } from './merkle-hash.js';
import { isPowerOfTwo, splitPoint } from './tree-math.js';

function levelOfWidth(width: number): number {
  let level = 0;
  for (let w = width; w > 1; w /= 2) level++;
  return level;
}

/**
 * MTH(D[start:end]) (RFC 9162 §2.1.1) from stored hashes: an aligned power-of-two range is one stored
 * complete subtree; any other range splits at the largest power of two below its width, as the RFC's
 * definition does, so at most one read per level is needed.
 */
export function rangeHash(start: number, end: number, read: HashReader): Uint8Array {
  const width = end - start;
  if (isPowerOfTwo(width) && start % width === 0) return read(levelOfWidth(width), start / width);
  const k = splitPoint(width);
  return hashChildren(rangeHash(start, start + k, read), rangeHash(start + k, end, read));
}

/** The root hash of the tree of the first `size` leaves (RFC 9162 §2.1.1), read from stored hashes. */
export function treeRoot(size: number, read: HashReader): Uint8Array {
  assertTreeSize(size);
  return size === 0 ? EMPTY_ROOT_HASH : rangeHash(0, size, read);
}
