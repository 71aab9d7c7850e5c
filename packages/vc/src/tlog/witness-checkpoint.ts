import { ErrorCode, isMicrocredError } from '../error/index.js';
import type { AddCheckpointRequest } from './add-checkpoint.js';
import { type Checkpoint, openCheckpoint } from './checkpoint.js';
import { verifyConsistencyProof } from './consistency-proof.js';
import { EMPTY_ROOT_HASH, sameHash } from './merkle-hash.js';
import type { NoteSigner, NoteVerifier } from './note-key.js';
import { noteSignatureLine } from './signed-note.js';

/** What a witness remembers of a log: the size and root of the latest checkpoint it cosigned. */
export interface CosignedTree {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

/** The answer to add-checkpoint, with the HTTP status C2SP tlog-witness assigns to each outcome. */
export type WitnessOutcome =
  | {
      readonly status: 200;
      readonly checkpoint: Checkpoint;
      /** The cosignature lines to answer with, and to append to the log's note. */
      readonly cosignatures: string;
    }
  | { readonly status: 400 | 403 | 404 | 422; readonly message: string }
  | { readonly status: 409; readonly message: string; readonly size: number };

export interface WitnessCheckpointOptions {
  readonly request: AddCheckpointRequest;
  /** The keys trusted for the checkpoint's origin; undefined for a log this witness does not know. */
  readonly logVerifiers: readonly NoteVerifier[] | undefined;
  /** The latest checkpoint cosigned for that origin, if any. */
  readonly lastCosigned: CosignedTree | undefined;
  /** The witness's cosigners, timestamped by the caller (this core reads no clock). */
  readonly cosigners: readonly NoteSigner[];
}

/**
 * Decides an add-checkpoint request (C2SP tlog-witness), in the spec's order: unknown origin 404, no valid
 * log signature 403, old size above the checkpoint's 400, old size other than the last cosigned one 409
 * (with that size), equal sizes with another root 409, a consistency proof that fails 422; otherwise the
 * cosignature lines. Pure: the caller must read `lastCosigned`, call this and store the new tree as one
 * atomic step per origin, or two racing requests could roll the log back (ADVERSARIAL L4).
 */
export function witnessCheckpoint(options: WitnessCheckpointOptions): WitnessOutcome {
  const { request, logVerifiers, lastCosigned, cosigners } = options;
  if (logVerifiers === undefined) return { status: 404, message: 'unknown log' };
  let opened: ReturnType<typeof openCheckpoint>;
  try {
    opened = openCheckpoint(request.checkpoint, { verifiers: logVerifiers });
  } catch (error) {
    if (isMicrocredError(error) && error.code === ErrorCode.PARSING_ERROR)
      return { status: 400, message: error.message };
    return {
      status: 403,
      message: isMicrocredError(error) ? error.message : 'the log signature does not verify',
    };
  }
  const { checkpoint } = opened;
  const { oldSize, consistencyProof } = request;
  if (oldSize > checkpoint.size) return { status: 400, message: 'the old size is above the checkpoint size' };
  const storedSize = lastCosigned?.size ?? 0;
  if (oldSize !== storedSize)
    return { status: 409, message: `the last cosigned size is ${storedSize}`, size: storedSize };
  const oldRoot = lastCosigned?.rootHash ?? EMPTY_ROOT_HASH;
  if (oldSize === checkpoint.size && oldSize > 0 && !sameHash(oldRoot, checkpoint.rootHash)) {
    return {
      status: 409,
      message: 'a checkpoint of this size with another root was cosigned',
      size: storedSize,
    };
  }
  try {
    verifyConsistencyProof({
      oldSize,
      newSize: checkpoint.size,
      oldRoot,
      newRoot: checkpoint.rootHash,
      proof: consistencyProof,
    });
  } catch (error) {
    return { status: 422, message: isMicrocredError(error) ? error.message : 'the consistency proof fails' };
  }
  const cosignatures = cosigners.map((cosigner) => noteSignatureLine(opened.note.text, cosigner)).join('');
  return { status: 200, checkpoint, cosignatures };
}
