import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord } from '../json/index.js';
import { HASH_SIZE, MAX_PROOF_HASHES } from './merkle-hash.js';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.js';

/**
 * A credential's proof of inclusion, as `GET /api/v1/credentials/{id}/log-proof` serves it: the leaf's
 * index, the tree size, the RFC 9162 inclusion path and the signed checkpoint (note text) it leads to.
 */
export interface LogProof {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly inclusionProof: readonly Uint8Array[];
  readonly checkpoint: string;
}

function malformed(why: string): never {
  throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `malformed log proof: ${why}`, {
    details: { reason: 'malformed-log-proof' },
  });
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Reads the JSON form strictly: integer index and size, at most 63 hashes each the canonical base64 of
 * 32 bytes, the checkpoint a string. Whether the numbers agree with the checkpoint is the verifier's job.
 */
export function parseLogProof(value: unknown): LogProof {
  if (!isRecord(value)) malformed('not a JSON object');
  const { leafIndex, treeSize, inclusionProof, checkpoint } = value;
  if (!isSize(leafIndex) || !isSize(treeSize)) malformed('leafIndex and treeSize are integers ≥ 0');
  if (!Array.isArray(inclusionProof) || inclusionProof.length > MAX_PROOF_HASHES)
    malformed(`inclusionProof is an array of at most ${MAX_PROOF_HASHES} hashes`);
  const hashes = inclusionProof.map((item: unknown) => {
    const bytes = typeof item === 'string' ? decodeStrictBase64(item) : undefined;
    if (bytes === undefined || bytes.length !== HASH_SIZE)
      malformed('an inclusionProof item is not base64 of 32 bytes');
    return bytes;
  });
  if (typeof checkpoint !== 'string') malformed('checkpoint is not the signed note text');
  return { leafIndex, treeSize, inclusionProof: hashes, checkpoint };
}

/** The JSON form of a log proof, what `parseLogProof` reads back. */
export function formatLogProof(proof: LogProof): {
  leafIndex: number;
  treeSize: number;
  inclusionProof: string[];
  checkpoint: string;
} {
  return {
    leafIndex: proof.leafIndex,
    treeSize: proof.treeSize,
    inclusionProof: proof.inclusionProof.map(encodeBase64),
    checkpoint: proof.checkpoint,
  };
}
