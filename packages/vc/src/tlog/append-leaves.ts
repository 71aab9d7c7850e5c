import { ErrorCode, MicrocredError } from '../error/index.js';
import type { HashAddress, HashReader, StoredHash } from './hash-reader.js';
import { assertTreeSize, EMPTY_ROOT_HASH, hashChildren, isHash } from './merkle-hash.js';
import { half, subtreeLevels } from './tree-math.js';

/**
 * The addresses of a tree's right edge: the roots of the complete subtrees its size decomposes into,
 * largest (leftmost) first. With them alone, a new leaf can be appended and the root computed.
 */
export function rightEdgeAddresses(size: number): HashAddress[] {
  assertTreeSize(size);
  let start = 0;
  return subtreeLevels(size).map((level) => {
    const width = 2 ** level;
    const address = { level, index: start / width };
    start += width;
    return address;
  });
}

/** Reads a tree's right edge from stored hashes. */
export function readRightEdge(size: number, read: HashReader): Uint8Array[] {
  return rightEdgeAddresses(size).map(({ level, index }) => read(level, index));
}

export interface AppendLeavesOptions {
  /** The size of the tree before the append. */
  readonly size: number;
  /** Its right edge (`readRightEdge`), largest subtree first: one hash per bit set in `size`. */
  readonly rightEdge: readonly Uint8Array[];
  /** The leaf hashes to append, in order. */
  readonly leafHashes: readonly Uint8Array[];
}

export interface AppendedTree {
  readonly size: number;
  readonly root: Uint8Array;
  readonly rightEdge: readonly Uint8Array[];
  /** Every hash the append completes, leaves included, to store by (level, index); none is ever rewritten. */
  readonly stored: readonly StoredHash[];
}

/**
 * Appends leaf hashes to a tree known only by its size and right edge, the way a binary counter carries:
 * each new leaf completes the subtrees it closes. Returns the hashes to store, the new root and the new
 * right edge, so a server keeps nothing in memory between batches but the edge (≤ 53 hashes).
 */
export function appendLeaves(options: AppendLeavesOptions): AppendedTree {
  const { size, rightEdge, leafHashes } = options;
  assertTreeSize(size);
  const levels = subtreeLevels(size);
  if (rightEdge.length !== levels.length || !rightEdge.every(isHash)) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'the right edge does not match the tree size', {
      details: { reason: 'bad-right-edge', size, expected: levels.length, got: rightEdge.length },
    });
  }
  if (!leafHashes.every(isHash)) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'a leaf hash is not 32 bytes', {
      details: { reason: 'bad-hash-length' },
    });
  }
  assertTreeSize(size + leafHashes.length, 'new tree size');
  const edge = [...rightEdge];
  const stored: StoredHash[] = [];
  let leafIndex = size;
  for (const leafHash of leafHashes) {
    let hash = leafHash;
    let level = 0;
    let index = leafIndex++;
    stored.push({ level, index, hash });
    while (levels.length > 0 && levels[levels.length - 1] === level) {
      levels.pop();
      // biome-ignore lint/style/noNonNullAssertion: edge and levels have the same length.
      hash = hashChildren(edge.pop()!, hash);
      level++;
      index = half(index);
      stored.push({ level, index, hash });
    }
    levels.push(level);
    edge.push(hash);
  }
  return { size: leafIndex, root: edgeRoot(edge), rightEdge: edge, stored };
}

/** The root of a tree from its right edge: the subtree roots folded from the right (RFC 9162 §2.1.1). */
export function edgeRoot(rightEdge: readonly Uint8Array[]): Uint8Array {
  let root = rightEdge[rightEdge.length - 1];
  if (root === undefined) return EMPTY_ROOT_HASH;
  for (let i = rightEdge.length - 2; i >= 0; i--) {
    // biome-ignore lint/style/noNonNullAssertion: i is within the edge.
    root = hashChildren(rightEdge[i]!, root);
  }
  return root;
}
