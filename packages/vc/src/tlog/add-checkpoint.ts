import { ErrorCode, MicrocredError } from '../error/index.js';
import { type Checkpoint, parseCheckpoint } from './checkpoint.js';
import { HASH_SIZE, MAX_PROOF_HASHES } from './merkle-hash.js';
import type { NoteVerifier } from './note-key.js';
import { openNote } from './signed-note.js';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.js';

/** The body of a C2SP tlog-witness `add-checkpoint` request: old size, consistency proof, signed checkpoint. */
export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly consistencyProof: readonly Uint8Array[];
  /** The checkpoint as a signed note (its text and signature lines). */
  readonly checkpoint: string;
}

function malformed(why: string): never {
  throw new MicrocredError(ErrorCode.PARSING_ERROR, `malformed add-checkpoint request: ${why}`, {
    details: { reason: 'malformed-add-checkpoint' },
  });
}

/** `old <size>\n`, one base64 hash per line, a blank line, then the signed checkpoint: what a log POSTs. */
export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  const { oldSize, consistencyProof, checkpoint } = request;
  if (!Number.isSafeInteger(oldSize) || oldSize < 0) malformed('the old size is not an integer ≥ 0');
  if (consistencyProof.length > MAX_PROOF_HASHES) malformed('more than 63 proof lines');
  const proofLines = consistencyProof.map((hash) => `${encodeBase64(hash)}\n`).join('');
  return `old ${oldSize}\n${proofLines}\n${checkpoint}`;
}

/**
 * Parses a request body strictly (C2SP tlog-witness): the old size in canonical decimal, at most 63 proof
 * lines each the canonical base64 of 32 bytes, a blank line, then the note (checked when it is opened).
 * Throws PARSING_ERROR, which a witness answers with 400.
 */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const blank = body.indexOf('\n\n');
  if (blank < 0) malformed('no blank line before the checkpoint');
  const [oldLine, ...proofLines] = body.slice(0, blank).split('\n');
  const size = /^old (0|[1-9][0-9]*)$/.exec(oldLine ?? '')?.[1];
  if (size === undefined || !Number.isSafeInteger(Number(size)))
    malformed('the first line is not "old <size>"');
  if (proofLines.length > MAX_PROOF_HASHES) malformed('more than 63 proof lines');
  const consistencyProof = proofLines.map((line) => {
    const hash = decodeStrictBase64(line);
    if (hash === undefined || hash.length !== HASH_SIZE) malformed('a proof line is not base64 of 32 bytes');
    return hash;
  });
  return { oldSize: Number(size), consistencyProof, checkpoint: body.slice(blank + 2) };
}

/**
 * The checkpoint body of a signed note, parsed but NOT verified: for finding which log a note claims to
 * be from (to pick its key) and for reading back a checkpoint one stored after verifying it.
 */
export function unverifiedCheckpointOf(note: string): Checkpoint {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) malformed('the checkpoint has no blank line before its signatures');
  return parseCheckpoint(note.slice(0, split + 1));
}

/**
 * A log's checkpoint note with a witness's 200 answer appended (C2SP tlog-witness: the client concatenates
 * the answer to the checkpoint and keeps what verifies): only the lines that verify as signatures of
 * `witnessVerifiers` over the note's text are kept, the rest ignored. Returns the note and how many
 * cosignatures were added, so a log can count witnesses before calling a checkpoint witnessed.
 */
export function appendCosignatures(
  note: string,
  answer: string,
  witnessVerifiers: readonly NoteVerifier[],
): { note: string; added: number } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) malformed('the checkpoint has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const kept = answer
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `${line}\n`)
    .filter((line) => !note.includes(line))
    .filter((line) => {
      try {
        return openNote(`${text}\n${line}`, witnessVerifiers).verified.length === 1;
      } catch {
        return false;
      }
    });
  return { note: note + kept.join(''), added: kept.length };
}
