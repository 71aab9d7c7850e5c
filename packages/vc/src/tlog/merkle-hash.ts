import { hash } from 'node:crypto';
import { ErrorCode, MicrocredError } from '../error/index.js';

/** SHA-256 output length: every leaf, node and root hash of the log. */
export const HASH_SIZE = 32;

/** The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT_HASH: Uint8Array = new Uint8Array(hash('sha256', new Uint8Array(0), 'buffer'));

/**
 * The largest tree size (and so leaf index + 1) this implementation handles. Sizes are JavaScript numbers
 * for speed; 2^53 − 1 leaves is far beyond any log we will run, and anything larger is refused rather than
 * silently rounded.
 */
export const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

/** The leaf hash of an entry, SHA-256(0x00 ‖ data) (RFC 9162 §2.1.1): the prefix keeps leaves and nodes apart. */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1);
  input.set(data, 1);
  return hash('sha256', input, 'buffer');
}

/** The hash of an interior node, SHA-256(0x01 ‖ left ‖ right) (RFC 9162 §2.1.1). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + HASH_SIZE + HASH_SIZE);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + HASH_SIZE);
  return hash('sha256', input, 'buffer');
}

/** Byte equality of two hashes. Log hashes are public, so no constant-time comparison is needed. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

export function assertTreeSize(size: number, what = 'tree size'): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, `${what} must be an integer from 0 to 2^53 − 1`, {
      details: { reason: 'bad-size', [what]: size },
    });
  }
}

/** No proof for a tree of fewer than 2^63 leaves has more hashes (tlog-witness caps proofs at 63 lines). */
export const MAX_PROOF_HASHES = 63;

/** Throws the refusal of a proof, with `details.reason` for callers that map it (HTTP statuses, reports). */
export function refuseProof(
  message: string,
  reason: string,
  code: ErrorCode = ErrorCode.PROOF_VERIFICATION_ERROR,
): never {
  throw new MicrocredError(code, message, { details: { reason } });
}

/** What every proof verifier checks first: 32-byte hashes and at most 63 of them in the proof. */
export function assertProofHashes(
  kind: 'inclusion' | 'consistency',
  hashes: readonly Uint8Array[],
  proof: readonly Uint8Array[],
): void {
  if (!hashes.every(isHash) || !proof.every(isHash)) {
    refuseProof('a hash of the proof is not 32 bytes', 'bad-hash-length', ErrorCode.MALFORMED_VALUE_ERROR);
  }
  if (proof.length > MAX_PROOF_HASHES) {
    refuseProof(
      `an ${kind} proof has at most ${MAX_PROOF_HASHES} hashes`,
      'too-many-hashes',
      ErrorCode.MALFORMED_VALUE_ERROR,
    );
  }
}
