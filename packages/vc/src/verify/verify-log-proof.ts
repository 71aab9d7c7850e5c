import { createHash } from 'node:crypto';
import { canonicalizeJcs } from '../canon/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  cosignatureTimestamp,
  hashLeaf,
  type LogProof,
  type NoteVerifier,
  openCheckpoint,
  parseCosignerVerifierKey,
  parseLogProof,
  parseNoteVerifierKey,
  verifyInclusionProof,
} from '../tlog/index.js';

/** The entry a credential is logged as: SHA-256 of its RFC 8785 (JCS) bytes, proof included. */
export function credentialLogEntry(credential: unknown): Uint8Array {
  return new Uint8Array(createHash('sha256').update(canonicalizeJcs(credential)).digest());
}

export interface VerifyLogProofOptions {
  /** The credential as JSON, exactly as it was logged (its proof included). */
  readonly credential: unknown;
  /** The proof, parsed or as its JSON form. */
  readonly logProof: LogProof | unknown;
  /** Note verifier keys of the log (`GET /log/key`): the checkpoint must be signed by one of them. */
  readonly logKeys: readonly string[];
  /** Cosigner verifier keys of witnesses trusted for time; only their cosignatures date the checkpoint. */
  readonly witnessKeys?: readonly string[];
  /** The log's origin; without it, whatever origin the log key signed. */
  readonly origin?: string;
}

export interface VerifiedLogProof {
  readonly origin: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /**
   * The earliest time a trusted witness states it cosigned the checkpoint: the credential existed then.
   * Undefined without such a cosignature; the log's own checkpoint carries no time anyone vouches for.
   */
  readonly witnessedAt?: Date;
  /** Names of the trusted witnesses whose cosignatures verified. */
  readonly witnesses: readonly string[];
}

function isLogProof(value: unknown): value is LogProof {
  return (
    typeof value === 'object' &&
    value !== null &&
    'inclusionProof' in value &&
    Array.isArray(value.inclusionProof) &&
    value.inclusionProof.every((item: unknown) => item instanceof Uint8Array)
  );
}

function keyOf(verifier: NoteVerifier): string {
  return `${verifier.name}+${verifier.keyId}`;
}

/**
 * Verifies that a credential is in a transparency log: its entry recomputed (`credentialLogEntry`), the
 * checkpoint a note signed by one of `logKeys` (for `origin` when given), and the inclusion proof leading
 * from the leaf to that checkpoint's root at that checkpoint's size (RFC 9162 §2.1.3.2): the proof's own
 * `treeSize` must equal it, so size and root come from one signature. Throws a MicrocredError saying why
 * not (details.reason). Cosignatures of `witnessKeys` are verified too (a bad one refuses the note) and
 * date the checkpoint; a note signed only by a witness is refused, a witness does not speak for the log.
 */
export function verifyLogProof(options: VerifyLogProofOptions): VerifiedLogProof {
  const proof = isLogProof(options.logProof) ? options.logProof : parseLogProof(options.logProof);
  if (options.logKeys.length === 0) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'no log key to verify the checkpoint with', {
      details: { reason: 'no-log-key' },
    });
  }
  const logVerifiers = options.logKeys.map((key) => parseNoteVerifierKey(key));
  const witnessVerifiers = (options.witnessKeys ?? []).map(parseCosignerVerifierKey);
  const { checkpoint, note } = openCheckpoint(proof.checkpoint, {
    verifiers: [...logVerifiers, ...witnessVerifiers],
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  });
  const logKeyIds = new Set(logVerifiers.map(keyOf));
  const witnessKeyIds = new Set(witnessVerifiers.map(keyOf));
  const signedBy = (ids: Set<string>) =>
    note.verified.filter((signature) => ids.has(`${signature.name}+${signature.keyId}`));
  if (signedBy(logKeyIds).length === 0) {
    throw new MicrocredError(
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      'the checkpoint is not signed by the log key',
      {
        details: { reason: 'no-known-signature' },
      },
    );
  }
  if (proof.treeSize !== checkpoint.size) {
    throw new MicrocredError(
      ErrorCode.PROOF_VERIFICATION_ERROR,
      `the proof is for a tree of ${proof.treeSize} leaves, the checkpoint for ${checkpoint.size}`,
      { details: { reason: 'size-mismatch' } },
    );
  }
  verifyInclusionProof({
    leafIndex: proof.leafIndex,
    treeSize: checkpoint.size,
    leafHash: hashLeaf(credentialLogEntry(options.credential)),
    proof: proof.inclusionProof,
    rootHash: checkpoint.rootHash,
  });
  const cosignatures = signedBy(witnessKeyIds);
  const times = cosignatures.map(cosignatureTimestamp);
  return {
    origin: checkpoint.origin,
    leafIndex: proof.leafIndex,
    treeSize: checkpoint.size,
    ...(times.length === 0 ? {} : { witnessedAt: new Date(Math.min(...times) * 1000) }),
    witnesses: [...new Set(cosignatures.map((signature) => signature.name))],
  };
}
