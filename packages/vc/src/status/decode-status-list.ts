import { gunzipSync } from 'node:zlib';
import { decodeBase64url } from '../encoding/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';

/** Default bound on the expanded list: 16 MiB = 134,217,728 one-bit entries, a thousand times the minimum. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

// base64url of the gzip magic and method (1f 8b 08): every GZIP stream starts with these four characters.
const GZIP_BASE64URL = 'H4sI';

function malformed(message: string, cause?: unknown): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, message, cause === undefined ? {} : { cause });
}

/**
 * BSL §3.4 Bitstring Expansion: multibase-decode `encodedList`, then gunzip, refusing to expand past
 * `maxDecompressedBytes` (the list comes from the network: a few KB of gzip can claim gigabytes).
 *
 * A value without the `u` multibase prefix is accepted too: StatusList2021 and the VC 1.1-era drafts
 * of this list defined `encodedList` as bare base64url, and peers still publish such lists. The two
 * forms cannot be confused: gzip data always encodes to `H4sI…`, so a prefixed list starts `uH4sI`.
 */
export function decodeStatusList(
  encodedList: string,
  options: { maxDecompressedBytes?: number } = {},
): Uint8Array {
  const { maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES } = options;
  if (typeof encodedList !== 'string') throw malformed('encodedList must be a string');
  let body: string;
  if (encodedList.startsWith(`u${GZIP_BASE64URL}`)) body = encodedList.slice(1);
  else if (encodedList.startsWith(GZIP_BASE64URL)) body = encodedList;
  else throw malformed('encodedList is not a multibase base64url GZIP value (expected "uH4sI…")');

  const compressed = decodeBase64url(body);
  let expanded: Buffer;
  try {
    expanded = gunzipSync(compressed, { maxOutputLength: maxDecompressedBytes });
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw malformed(`status list expands beyond ${maxDecompressedBytes} bytes`, cause);
    }
    throw malformed('encodedList is not valid GZIP data', cause);
  }
  return new Uint8Array(expanded.buffer, expanded.byteOffset, expanded.byteLength);
}
