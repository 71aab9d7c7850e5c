import { ErrorCode, MicrocredError } from '../error/index.js';
import type { HashReader } from './hash-reader.js';
import {
  assertProofHashes,
  assertTreeSize,
  EMPTY_ROOT_HASH,
  hashChildren,
  refuseProof,
  sameHash,
} from './merkle-hash.js';
import { half, isOdd, isPowerOfTwo, splitPoint } from './tree-math.js';
import { rangeHash } from './tree-root.js';

function assertSizes(oldSize: number, newSize: number): void {
  assertTreeSize(oldSize, 'old size');
  assertTreeSize(newSize, 'new size');
  if (oldSize > newSize) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'the old tree size is larger than the new one', {
      details: { reason: 'old-larger-than-new', oldSize, newSize },
    });
  }
}

/**
 * The consistency proof PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1, read from stored hashes. Empty
 * when the old tree is empty or the sizes are equal: there is nothing to prove.
 */
export function consistencyProof(oldSize: number, newSize: number, read: HashReader): Uint8Array[] {
  assertSizes(oldSize, newSize);
  const proof: Uint8Array[] = [];
  if (oldSize === 0 || oldSize === newSize) return proof;
  // SUBPROOF(m, D[start:end], complete) with m counted from the start of the whole tree.
  const subproof = (start: number, end: number, complete: boolean): void => {
    if (oldSize === end) {
      if (!complete) proof.push(rangeHash(start, end, read));
      return;
    }
    const k = splitPoint(end - start);
    if (oldSize <= start + k) {
      subproof(start, start + k, complete);
      proof.push(rangeHash(start + k, end, read));
    } else {
      subproof(start + k, end, false);
      proof.push(rangeHash(start, start + k, read));
    }
  };
  subproof(0, newSize, true);
  return proof;
}

export interface VerifyConsistencyProofOptions {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRoot: Uint8Array;
  readonly newRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * Verifies that the tree of `newSize` extends the tree of `oldSize` (RFC 9162 §2.1.4.2), throwing a
 * MicrocredError that says why not. Refused before the algorithm runs: old > new (RANGE_ERROR); a hash
 * that is not 32 bytes or more than 63 hashes (MALFORMED_VALUE_ERROR); equal sizes with different roots,
 * or an old empty tree whose root is not SHA-256("") (PROOF_VERIFICATION_ERROR: a fork); a non-empty
 * proof where none is due. The algorithm then runs as the RFC writes it. Each size must come with its
 * root from one signed checkpoint, as for `verifyInclusionProof`.
 */
export function verifyConsistencyProof(options: VerifyConsistencyProofOptions): void {
  const { oldSize, newSize, oldRoot, newRoot, proof } = options;
  assertSizes(oldSize, newSize);
  assertProofHashes('consistency', [oldRoot, newRoot], proof);
  if (oldSize === newSize || oldSize === 0) {
    if (proof.length > 0) refuseProof('no consistency proof is due between these sizes', 'extra-hashes');
    if (oldSize === newSize && !sameHash(oldRoot, newRoot)) {
      refuseProof('two trees of the same size have different roots', 'different-roots');
    }
    if (oldSize === 0 && !sameHash(oldRoot, EMPTY_ROOT_HASH)) {
      refuseProof('the old root is not the root of the empty tree', 'different-roots');
    }
    return;
  }
  // Step 1: an empty path proves nothing.
  if (proof.length === 0) refuseProof('the consistency proof is empty', 'missing-hashes');
  // Step 2: a power-of-two old tree is itself a node of the new one, so its root starts the path.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // biome-ignore lint/style/noNonNullAssertion: the path holds at least one hash (step 1).
  let fr = path[0]!;
  let sr = fr;
  for (let i = 1; i < path.length; i++) {
    // biome-ignore lint/style/noNonNullAssertion: i is within the path.
    const c = path[i]!;
    if (sn === 0) refuseProof('the consistency proof has more hashes than the sizes imply', 'extra-hashes');
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) refuseProof('the consistency proof has fewer hashes than the sizes imply', 'missing-hashes');
  if (!sameHash(fr, oldRoot))
    refuseProof('the consistency proof does not lead to the old root', 'old-root-mismatch');
  if (!sameHash(sr, newRoot))
    refuseProof('the consistency proof does not lead to the new root', 'new-root-mismatch');
}
