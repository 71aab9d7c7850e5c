import { createHash } from 'node:crypto';
import {
  assertEd25519PublicKey,
  generateEd25519KeyPair,
  importEd25519PublicKey,
  importEd25519SecretKey,
  signEd25519,
  verifyEd25519,
} from '../did/ed25519.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import { decodeStrictBase64, encodeBase64 } from './strict-base64.js';

/** Signature type bytes of C2SP signed-note: Ed25519 note signatures, and tlog-cosignature/v1. */
export const NOTE_KEY_TYPE_ED25519 = 0x01;
export const NOTE_KEY_TYPE_COSIGNATURE_V1 = 0x04;

/** Checks a signature over note text; `signature` is what follows the 4-byte key id. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: string, signature: Uint8Array): boolean;
}

/** Signs note text; the result is what follows the 4-byte key id in the signature line. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: string): Uint8Array;
}

/**
 * Whether a key name is valid (C2SP signed-note): non-empty, no Unicode white space, no `+` (which
 * separates the fields of a key string).
 */
export function isValidNoteKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !/\p{Cs}/u.test(name) && !/\p{Cc}/u.test(name);
}

function assertName(name: string): void {
  if (!isValidNoteKeyName(name)) {
    throw new MicrocredError(ErrorCode.INVALID_KEY, 'a note key name is non-empty, with no space or +', {
      details: { reason: 'bad-key-name' },
    });
  }
}

/** The key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key), as a big-endian uint32. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(name)
    .update(new Uint8Array([0x0a, type]))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** `<name>+<hex key id>+<base64(type ‖ public key)>`, the verifier key string of C2SP signed-note. */
export function formatNoteVerifierKey(
  name: string,
  publicKey: Uint8Array,
  type: number = NOTE_KEY_TYPE_ED25519,
): string {
  assertName(name);
  assertEd25519PublicKey(publicKey);
  const key = new Uint8Array([type, ...publicKey]);
  return `${name}+${formatKeyId(noteKeyId(name, type, publicKey))}+${encodeBase64(key)}`;
}

function badKey(reason: string): never {
  throw new MicrocredError(ErrorCode.INVALID_KEY, `not a valid note key: ${reason}`, {
    details: { reason: 'bad-note-key' },
  });
}

/** Splits `name+hash+base64` at its first two `+` (base64 may hold more). */
function splitKeyString(keyString: string): { name: string; hash: string; encoded: string } {
  const first = keyString.indexOf('+');
  const second = first < 0 ? -1 : keyString.indexOf('+', first + 1);
  if (second < 0) badKey('expected name+hash+key');
  return {
    name: keyString.slice(0, first),
    hash: keyString.slice(first + 1, second),
    encoded: keyString.slice(second + 1),
  };
}

/** Parses `name+hash+base64(type ‖ key)` and checks the hash is the key id of what it names. */
function parseKeyFields(keyString: string, type: number): { name: string; keyId: number; key: Uint8Array } {
  const { name, hash, encoded } = splitKeyString(keyString);
  if (!isValidNoteKeyName(name)) badKey('invalid name');
  if (!/^[0-9a-f]{8}$/.test(hash)) badKey('the key id is not 8 lowercase hex digits');
  const bytes = decodeStrictBase64(encoded);
  if (bytes === undefined || bytes.length !== 33 || bytes[0] !== type) {
    badKey('the key is not base64 of its type byte and 32 bytes');
  }
  const key = bytes.subarray(1);
  const keyId = noteKeyId(name, type, key);
  if (formatKeyId(keyId) !== hash) badKey('the key id does not match the name and key');
  return { name, keyId, key };
}

/**
 * Parses a verifier key string strictly (C2SP signed-note): the name valid, the id 8 lowercase hex
 * digits equal to the key's id, the key `type` (Ed25519 by default) then 32 bytes of canonical base64, a
 * canonical large-order Ed25519 point. Throws INVALID_KEY otherwise.
 */
export function parseNoteVerifierKey(
  verifierKey: string,
  type: number = NOTE_KEY_TYPE_ED25519,
): NoteVerifier {
  const { name, keyId, key } = parseKeyFields(verifierKey, type);
  assertEd25519PublicKey(key);
  const keyObject = importEd25519PublicKey(key);
  return {
    name,
    keyId,
    verify: (text, signature) => verifyEd25519(keyObject, new TextEncoder().encode(text), signature),
  };
}

/** The raw public key a verifier key string carries. */
export function noteVerifierPublicKey(verifierKey: string, type: number = NOTE_KEY_TYPE_ED25519): Uint8Array {
  return new Uint8Array(parseKeyFields(verifierKey, type).key);
}

/**
 * A note signer from a 32-byte Ed25519 seed. Synchronous: a checkpoint is signed once per batch,
 * inside the append, and node:crypto signs in tens of microseconds.
 */
export function createNoteSigner(options: { name: string; secretKey: Uint8Array }): NoteSigner {
  assertName(options.name);
  const { publicKey } = generateEd25519KeyPair(options.secretKey);
  const keyObject = importEd25519SecretKey(options.secretKey);
  return {
    name: options.name,
    keyId: noteKeyId(options.name, NOTE_KEY_TYPE_ED25519, publicKey),
    sign: (text) => signEd25519(keyObject, new TextEncoder().encode(text)),
  };
}

/**
 * `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>`, the signer key string golang.org/x/mod/sumdb/note
 * uses; the id is that of the public key. Only for our own storage: it is a secret.
 */
export function formatNoteSignerKey(name: string, secretKey: Uint8Array): string {
  assertName(name);
  const { publicKey } = generateEd25519KeyPair(secretKey);
  const hash = formatKeyId(noteKeyId(name, NOTE_KEY_TYPE_ED25519, publicKey));
  return `PRIVATE+KEY+${name}+${hash}+${encodeBase64(new Uint8Array([NOTE_KEY_TYPE_ED25519, ...secretKey]))}`;
}

/** Parses a signer key string, checking its id against the public key its seed derives. */
export function parseNoteSignerKey(signerKey: string): { name: string; secretKey: Uint8Array } {
  const prefix = 'PRIVATE+KEY+';
  if (!signerKey.startsWith(prefix)) badKey('a signer key starts with PRIVATE+KEY+');
  const { name, hash, encoded } = splitKeyString(signerKey.slice(prefix.length));
  const bytes = decodeStrictBase64(encoded);
  if (!isValidNoteKeyName(name)) badKey('invalid name');
  if (bytes === undefined || bytes.length !== 33 || bytes[0] !== NOTE_KEY_TYPE_ED25519) {
    badKey('the key is not base64 of 0x01 and a 32-byte seed');
  }
  const secretKey = new Uint8Array(bytes.subarray(1));
  const { publicKey } = generateEd25519KeyPair(secretKey);
  if (formatKeyId(noteKeyId(name, NOTE_KEY_TYPE_ED25519, publicKey)) !== hash) {
    badKey('the key id does not match the name and key');
  }
  return { name, secretKey };
}
