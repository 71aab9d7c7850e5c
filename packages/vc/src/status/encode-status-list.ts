import { gzipSync } from 'node:zlib';
import { encodeBase64urlMultibase } from '../encoding/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';

// RFC 1952 §2.3.1: byte 9 of the gzip header is the OS that wrote it. zlib fills it at build time
// (3 = Unix, 10 on Windows, 19 on macOS since zlib 1.2.12), so the same bits would encode differently
// per platform. Pinning 3 makes lists reproducible and matches the BSL §2.2 example byte for byte.
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

/**
 * BSL §3.3 step 3: `'u'` + base64url-no-pad(gzip(bits)). Default zlib level (6), mtime 0, OS byte 3,
 * so the all-zero 16 KB list yields the specification's example value exactly.
 */
export function encodeStatusList(bits: Uint8Array): string {
  if (!(bits instanceof Uint8Array) || bits.length === 0) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'a status list needs at least one byte');
  }
  const compressed = new Uint8Array(gzipSync(bits));
  compressed[GZIP_OS_BYTE] = GZIP_OS_UNIX;
  return encodeBase64urlMultibase(compressed);
}
