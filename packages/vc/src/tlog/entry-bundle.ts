import { ErrorCode, MicrocredError } from '../error/index.js';
import { TILE_WIDTH } from './tile-path.js';

/** An entry in a bundle is prefixed by a big-endian uint16 length, so it is at most 65,535 bytes. */
export const MAX_ENTRY_SIZE = 0xffff;

/** Encodes an entry bundle (C2SP tlog-tiles): each entry as uint16 length ‖ data, up to 256 entries. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length < 1 || entries.length > TILE_WIDTH) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'an entry bundle holds 1 to 256 entries', {
      details: { reason: 'bad-bundle-width', count: entries.length },
    });
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new MicrocredError(ErrorCode.PAYLOAD_TOO_LARGE, 'an entry is over 65,535 bytes', {
        details: { reason: 'entry-too-large', size: entry.length },
      });
    }
    total += 2 + entry.length;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const entry of entries) {
    bytes[offset] = entry.length >> 8;
    bytes[offset + 1] = entry.length & 0xff;
    bytes.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return bytes;
}

/**
 * Decodes an entry bundle, refusing (PARSING_ERROR) a truncated entry, trailing bytes, or a count other
 * than `width` when given: an auditor then knows the bundle is exactly the one the tree size implies.
 */
export function decodeEntryBundle(bytes: Uint8Array, width?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length || entries.length === TILE_WIDTH) break;
    // biome-ignore lint/style/noNonNullAssertion: offset + 1 is within the bytes.
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    if (offset + 2 + length > bytes.length) break;
    entries.push(bytes.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  if (offset !== bytes.length || (width !== undefined && entries.length !== width)) {
    throw new MicrocredError(ErrorCode.PARSING_ERROR, 'not a well-formed entry bundle', {
      details: { reason: 'bad-entry-bundle', entries: entries.length, expected: width },
    });
  }
  return entries;
}
