import {
  assertEd25519PublicKey,
  generateEd25519KeyPair,
  importEd25519PublicKey,
  importEd25519SecretKey,
  signEd25519,
  verifyEd25519,
} from '../did/ed25519.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  formatNoteVerifierKey,
  isValidNoteKeyName,
  NOTE_KEY_TYPE_COSIGNATURE_V1,
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  noteVerifierPublicKey,
} from './note-key.js';
import type { NoteSignature } from './signed-note.js';

/**
 * The message a tlog-cosignature/v1 signature covers: a header binding the algorithm and the time, then
 * the checkpoint body, so a cosignature can never be replayed as the log's own note signature.
 */
function cosignedMessage(text: string, timestamp: number): Uint8Array {
  return new TextEncoder().encode(`cosignature/v1\ntime ${timestamp}\n${text}`);
}

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'a cosignature time is whole seconds since the epoch', {
      details: { reason: 'bad-timestamp' },
    });
  }
}

/**
 * A witness's cosigner for a checkpoint at `timestamp` (seconds since the epoch, passed in: this core
 * reads no clock). Its signature is the 8-byte big-endian time then the Ed25519 signature, as
 * C2SP tlog-cosignature lays it out after the key id; use it with `noteSignatureLine` or `signNote`.
 */
export function createCosigner(options: {
  name: string;
  secretKey: Uint8Array;
  timestamp: number;
}): NoteSigner {
  assertTimestamp(options.timestamp);
  if (!isValidNoteKeyName(options.name)) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'invalid cosigner name', {
      details: { reason: 'bad-key-name' },
    });
  }
  const { publicKey } = generateEd25519KeyPair(options.secretKey);
  const keyObject = importEd25519SecretKey(options.secretKey);
  return {
    name: options.name,
    keyId: noteKeyId(options.name, NOTE_KEY_TYPE_COSIGNATURE_V1, publicKey),
    sign(text) {
      const signature = new Uint8Array(8 + 64);
      new DataView(signature.buffer).setBigUint64(0, BigInt(options.timestamp));
      signature.set(signEd25519(keyObject, cosignedMessage(text, options.timestamp)), 8);
      return signature;
    },
  };
}

/** The verifier key string of a cosigner: `name+id+base64(0x04 ‖ public key)`. */
export function formatCosignerVerifierKey(name: string, publicKey: Uint8Array): string {
  return formatNoteVerifierKey(name, publicKey, NOTE_KEY_TYPE_COSIGNATURE_V1);
}

/** A verifier of tlog-cosignature/v1 signatures, for `openNote` or `openCheckpoint` alongside the log's. */
export function parseCosignerVerifierKey(verifierKey: string): NoteVerifier {
  const publicKey = noteVerifierPublicKey(verifierKey, NOTE_KEY_TYPE_COSIGNATURE_V1);
  assertEd25519PublicKey(publicKey);
  const keyObject = importEd25519PublicKey(publicKey);
  const name = verifierKey.slice(0, verifierKey.indexOf('+'));
  return {
    name,
    keyId: noteKeyId(name, NOTE_KEY_TYPE_COSIGNATURE_V1, publicKey),
    verify(text, signature) {
      if (signature.length !== 8 + 64) return false;
      const timestamp = new DataView(signature.buffer, signature.byteOffset).getBigUint64(0);
      if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      return verifyEd25519(keyObject, cosignedMessage(text, Number(timestamp)), signature.subarray(8));
    },
  };
}

/** The time (seconds since the epoch) a verified cosignature states. */
export function cosignatureTimestamp(signature: NoteSignature): number {
  if (signature.signature.length !== 8 + 64) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'not a cosignature/v1 signature', {
      details: { reason: 'bad-cosignature' },
    });
  }
  return Number(new DataView(signature.signature.buffer, signature.signature.byteOffset).getBigUint64(0));
}
