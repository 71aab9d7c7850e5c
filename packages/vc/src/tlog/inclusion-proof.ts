import { ErrorCode, MicrocredError } from '../error/index.js';
import type { HashReader } from './hash-reader.js';
import { assertProofHashes, assertTreeSize, hashChildren, refuseProof, sameHash } from './merkle-hash.js';
import { half, isOdd, splitPoint } from './tree-math.js';
import { rangeHash } from './tree-root.js';

/**
 * The inclusion proof PATH(index, D[size]) of RFC 9162 §2.1.3.1, read from stored hashes: sibling
 * subtree roots from the leaf up.
 */
export function inclusionProof(leafIndex: number, treeSize: number, read: HashReader): Uint8Array[] {
  assertTreeSize(treeSize);
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'the leaf index is not below the tree size', {
      details: { reason: 'index-out-of-range', leafIndex, treeSize },
    });
  }
  const proof: Uint8Array[] = [];
  const path = (start: number, end: number): void => {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      path(start, start + k);
      proof.push(rangeHash(start + k, end, read));
    } else {
      path(start + k, end);
      proof.push(rangeHash(start, start + k, read));
    }
  };
  path(0, treeSize);
  return proof;
}

export interface VerifyInclusionProofOptions {
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The leaf hash, SHA-256(0x00 ‖ entry): never the entry itself. */
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

/**
 * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2, step by step, and throws a
 * MicrocredError saying why it fails: an index ≥ the size or a size beyond 2^53 (RANGE_ERROR), a hash that
 * is not 32 bytes or more than 63 hashes (MALFORMED_VALUE_ERROR), a proof of the wrong length or that does
 * not lead to the root (PROOF_VERIFICATION_ERROR). Since the number of hashes is fixed by index and size,
 * an interior node presented as a leaf (with a shorter proof) fails like any other wrong proof.
 * `treeSize` and `rootHash` must come from one signed checkpoint: the algorithm binds the proof to the
 * root, not the root to the size (a size-8 proof may also "verify" as size 7 against the size-8 root).
 */
export function verifyInclusionProof(options: VerifyInclusionProofOptions): void {
  const { leafIndex, treeSize, leafHash, proof, rootHash } = options;
  assertTreeSize(treeSize);
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    refuseProof('the leaf index is not below the tree size', 'index-out-of-range', ErrorCode.RANGE_ERROR);
  }
  assertProofHashes('inclusion', [leafHash, rootHash], proof);
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0)
      refuseProof('the inclusion proof has more hashes than the tree size implies', 'extra-hashes');
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0)
    refuseProof('the inclusion proof has fewer hashes than the tree size implies', 'missing-hashes');
  if (!sameHash(r, rootHash))
    refuseProof('the inclusion proof does not lead to the root hash', 'root-mismatch');
}
