import { ErrorCode, MicrocredError } from '../error/index.js';
import { isValidNoteKeyName, type NoteSigner, type NoteVerifier } from './note-key.js';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.js';

/** C2SP signed-note caps the signature lines of a note; a client refuses more rather than verify them all. */
export const MAX_NOTE_SIGNATURES = 100;

// U+2014 EM DASH and a space: a hyphen, an en dash or a missing space is another line, hence malformed.
const SIGNATURE_PREFIX = '\u2014 ';

/** One signature line: the key name, its 4-byte id and the signature bytes after the id. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** An opened note: its text, the signatures a given verifier checked, and the ones of unknown keys. */
export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

function malformed(why: string): never {
  throw new MicrocredError(ErrorCode.PARSING_ERROR, `malformed note: ${why}`, {
    details: { reason: 'malformed-note' },
  });
}

/**
 * Why a note text is unacceptable, or undefined: it must be non-empty, end with a newline, and hold no
 * control character other than newline and no lone surrogate (so its UTF-8 is valid).
 */
function textProblem(text: string): string | undefined {
  if (text.length === 0 || !text.endsWith('\n')) return 'the text does not end with a newline';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return 'the text holds a control character';
  }
  if (/\p{Cs}/u.test(text)) return 'the text is not valid UTF-8';
  return undefined;
}

/** The signature line of `text` by `signer`: `— <name> <base64(key id ‖ signature)>\n`. */
export function noteSignatureLine(text: string, signer: NoteSigner): string {
  const problem = textProblem(text);
  if (problem !== undefined) malformed(problem);
  if (!isValidNoteKeyName(signer.name)) malformed('invalid signer name');
  const signature = signer.sign(text);
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, signer.keyId);
  bytes.set(signature, 4);
  return `${SIGNATURE_PREFIX}${signer.name} ${encodeBase64(bytes)}\n`;
}

/** Signs a note text (C2SP signed-note): the text, a blank line, one signature line per signer. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (signers.length === 0 || signers.length > MAX_NOTE_SIGNATURES)
    malformed('a note has 1 to 100 signatures');
  return `${text}\n${signers.map((signer) => noteSignatureLine(text, signer)).join('')}`;
}

function decodeNote(note: string | Uint8Array): string {
  if (typeof note === 'string') return note;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
  } catch {
    return malformed('the note is not valid UTF-8');
  }
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX))
    malformed('a signature line does not start with an em dash and a space');
  const fields = line.slice(SIGNATURE_PREFIX.length).split(' ');
  const [name, encoded] = fields;
  if (fields.length !== 2 || name === undefined || encoded === undefined || !isValidNoteKeyName(name)) {
    malformed('a signature line is not "— <name> <signature>"');
  }
  const bytes = decodeStrictBase64(encoded);
  if (bytes === undefined || bytes.length < 5) malformed('a signature is not base64 of a key id and bytes');
  return {
    name,
    keyId: new DataView(bytes.buffer, bytes.byteOffset).getUint32(0),
    signature: bytes.subarray(4),
  };
}

/**
 * Opens a signed note strictly (C2SP signed-note): valid UTF-8 with no control character but newline,
 * the text and the signature lines split at the last blank line, every signature line `— <name> <base64>`,
 * at most 100 of them. A signature by a key among `verifiers` (same name and key id) must verify, and at
 * least one must: a note with none refuses (CRYPTOGRAPHIC_SECURITY_ERROR, reason `no-known-signature`),
 * as does one whose known signature fails (reason `bad-signature`). Signatures of other keys are returned
 * unverified, for a caller that counts witness cosignatures. Syntax errors are PARSING_ERROR.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const message = decodeNote(note);
  const split = message.lastIndexOf('\n\n');
  if (split < 0) malformed('no blank line before the signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  const problem = textProblem(text) ?? textProblem(block);
  if (problem !== undefined) malformed(problem);
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) malformed('more than 100 signatures');
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    const matching = verifiers.filter((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (matching.length > 1) {
      throw new MicrocredError(ErrorCode.INVALID_KEY, `ambiguous key ${signature.name}`, {
        details: { reason: 'ambiguous-key', name: signature.name },
      });
    }
    const verifier = matching[0];
    if (verifier === undefined) {
      unverified.push(signature);
      continue;
    }
    if (!verifier.verify(text, signature.signature)) {
      throw new MicrocredError(
        ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        `invalid signature for key ${signature.name}`,
        {
          details: { reason: 'bad-signature', name: signature.name },
        },
      );
    }
    const key = `${signature.name}+${signature.keyId}`;
    if (!seen.has(key)) verified.push(signature);
    seen.add(key);
  }
  if (verified.length === 0) {
    throw new MicrocredError(
      ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      'the note has no signature by a known key',
      {
        details: { reason: 'no-known-signature' },
      },
    );
  }
  return { text, verified, unverified };
}
