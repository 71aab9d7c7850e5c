import { ErrorCode, MicrocredError } from '../error/index.js';
import { HASH_SIZE, isHash } from './merkle-hash.js';
import type { NoteSigner, NoteVerifier } from './note-key.js';
import { type OpenedNote, openNote, signNote } from './signed-note.js';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.js';

/** A tlog-checkpoint body: the log's origin, its size and root hash, and optional extension lines. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

function malformed(why: string): never {
  throw new MicrocredError(ErrorCode.PARSING_ERROR, `malformed checkpoint: ${why}`, {
    details: { reason: 'malformed-checkpoint' },
  });
}

function isLine(line: string): boolean {
  return line.length > 0 && !line.includes('\n');
}

/** The checkpoint body (C2SP tlog-checkpoint): origin, decimal size, base64 root, extension lines, each ending in \n. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (!isLine(origin) || !extensions.every(isLine)) malformed('a line is empty or holds a newline');
  if (!Number.isSafeInteger(size) || size < 0) malformed('the size is not an integer from 0 to 2^53 − 1');
  if (!isHash(rootHash)) malformed('the root hash is not 32 bytes');
  return [origin, String(size), encodeBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/**
 * Parses a checkpoint body strictly: at least three lines ending in \n, a non-empty origin, a size in
 * decimal without leading zeros (up to 2^53 − 1, RANGE_ERROR above), the canonical base64 of a 32-byte
 * root, then non-empty extension lines.
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) malformed('the body does not end with a newline');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || sizeLine === undefined || rootLine === undefined)
    malformed('fewer than 3 lines');
  if (!isLine(origin) || !extensions.every(isLine)) malformed('an empty line');
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeLine)) malformed('the size is not a canonical decimal');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'the checkpoint size is beyond 2^53 − 1', {
      details: { reason: 'bad-size' },
    });
  }
  const rootHash = decodeStrictBase64(rootLine);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE)
    malformed('the root is not base64 of 32 bytes');
  return { origin, size, rootHash, extensions };
}

/** A signed checkpoint note, ready to serve at `/checkpoint`. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(checkpoint), signers);
}

/**
 * Opens a signed checkpoint: the note verifies (`openNote`) and its text is a checkpoint. With `origin`,
 * a checkpoint of another log is refused (CRYPTOGRAPHIC_SECURITY_ERROR, reason `wrong-origin`): a key
 * shared by two logs must not let one's checkpoint pass for the other's.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  options: { readonly verifiers: readonly NoteVerifier[]; readonly origin?: string },
): { checkpoint: Checkpoint; note: OpenedNote } {
  const opened = openNote(note, options.verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new MicrocredError(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the checkpoint is for another log', {
      details: { reason: 'wrong-origin', origin: checkpoint.origin },
    });
  }
  return { checkpoint, note: opened };
}
