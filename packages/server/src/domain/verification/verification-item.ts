import { CheckId, type CredentialInput, ErrorCode, isRecord, type VerificationReport } from '@microcred/vc';

/** One credential to verify, as the verifier takes it, and the address it should have been issued to. */
export interface VerificationItem {
  readonly input: CredentialInput;
  readonly recipient?: string;
}

/** Why an item of a batch could not even be handed to the verifier: reported as its failed `parse` check. */
export interface UnreadableItem {
  readonly unreadable: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

type Read<T> = { readonly value: T } | UnreadableItem;

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function decodeImage(image: unknown): Read<Uint8Array> {
  if (typeof image !== 'string') return { unreadable: '`image` must be a base64 string' };
  // A `data:` URI is what a browser's FileReader gives: accepted, its base64 part read.
  const data = /^data:[\w/+.-]+;base64,/i.exec(image);
  const text = (data === null ? image : image.slice(data[0].length)).replace(/\s+/g, '');
  if (text === '') return { unreadable: '`image` is empty' };
  if (BASE64.test(text)) return { value: new Uint8Array(Buffer.from(text, 'base64')) };
  if (BASE64URL.test(text)) return { value: new Uint8Array(Buffer.from(text, 'base64url')) };
  return { unreadable: '`image` is not base64' };
}

function readCredential(value: unknown): Read<CredentialInput> {
  if (typeof value === 'string') return { value };
  if (!isRecord(value))
    return { unreadable: 'an item must be a credential: a JSON object, a compact JWS or {"image": base64}' };
  if ('image' in value && onlyKeys(value, ['image'])) return decodeImage(value.image);
  return { value };
}

/**
 * Reads one item of a batch as the API documents it: a credential as a JSON object (OB 3.0, or an OB 2.0
 * hosted assertion), a compact JWS string (VC-JWT, OB 2.0 signed assertion), a baked PNG or SVG as
 * `{"image": base64}`, or any of these as `{"credential": …, "recipient": {"email": …}}` to check that
 * item against its own address (else `recipient`, the batch's, applies). Never throws: an unreadable item
 * is reported as such, without failing the batch.
 */
export function readVerificationItem(raw: unknown, recipient?: string): VerificationItem | UnreadableItem {
  let credential: unknown = raw;
  let email = recipient;
  // The wrapper has only these two keys: no credential format has a top-level `credential`.
  if (isRecord(raw) && 'credential' in raw && onlyKeys(raw, ['credential', 'recipient'])) {
    credential = raw.credential;
    if (raw.recipient !== undefined) {
      const own = isRecord(raw.recipient) ? raw.recipient.email : undefined;
      if (typeof own !== 'string' || own.trim() === '' || own.length > 320)
        return { unreadable: '`recipient` must be {"email": "…"}' };
      email = own;
    }
  }
  const read = readCredential(credential);
  if ('unreadable' in read) return read;
  return { input: read.value, ...(email === undefined ? {} : { recipient: email }) };
}

export function isUnreadable(item: VerificationItem | UnreadableItem): item is UnreadableItem {
  return 'unreadable' in item;
}

/**
 * The report of an item the verifier was never given (or never finished): one failed `parse` check saying
 * why, `PARSING_ERROR` unless `code` says otherwise.
 */
export function unreadableReport(
  item: UnreadableItem,
  code: ErrorCode = ErrorCode.PARSING_ERROR,
): VerificationReport {
  return { verified: false, checks: [{ id: CheckId.PARSE, ok: false, code, message: item.unreadable }] };
}
