import { crc32 } from 'node:zlib';
import { ErrorCode, MicrocredError } from '../error/index.js';

/** PNG §5.2 signature. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

// PNG §5.3: a chunk length is at most 2^31 − 1.
const MAX_CHUNK_LENGTH = 0x7fff_ffff;

export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `iTXt`. */
  type: string;
  data: Uint8Array;
  /** Byte range of the whole chunk (length, type, data, CRC) in the image, to copy it unchanged. */
  start: number;
  end: number;
}

function fail(message: string): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message);
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * Splits a PNG datastream into its chunks, from IHDR to IEND, checking each length and CRC (PNG §5.3).
 * Bytes after IEND are not part of the datastream and are ignored.
 */
export function readPngChunks(image: Uint8Array): PngChunk[] {
  if (!(image instanceof Uint8Array) || !hasPngSignature(image)) fail('not a PNG image (bad signature)');
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > image.length) fail('truncated PNG: missing IEND chunk');
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) fail('invalid PNG chunk length');
    const typeBytes = image.subarray(offset + 4, offset + 8);
    if (!typeBytes.every((byte) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))) {
      fail('invalid PNG chunk type');
    }
    const end = offset + 12 + length;
    if (end > image.length) fail('truncated PNG chunk');
    const type = String.fromCharCode(...typeBytes);
    if (chunks.length === 0 && type !== 'IHDR') fail('PNG does not start with IHDR');
    const data = image.subarray(offset + 8, offset + 8 + length);
    if (crc32(image.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      fail(`bad CRC in PNG ${type} chunk`);
    }
    chunks.push({ type, data, start: offset, end });
    offset = end;
    if (type === 'IEND') return chunks;
  }
}

/** One serialized chunk: length, type, data, CRC-32 over type and data (PNG §5.3). */
export function encodePngChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new MicrocredError(ErrorCode.BAKE_ERROR, 'invalid PNG chunk type');
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}
