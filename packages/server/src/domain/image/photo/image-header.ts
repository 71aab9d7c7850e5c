/** The raster formats a profile photo may come in. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** What a file's first bytes say it is, before anything is decoded. */
export interface ImageHeader {
  readonly format: PhotoFormat;
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16be = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const u32be = (bytes: Uint8Array, at: number) => u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
const u24le = (bytes: Uint8Array, at: number) =>
  (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

// Start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic): they carry
// the frame's size. C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegHeader(bytes: Uint8Array): ImageHeader | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[at + 1] === 0xff) at += 1;
    const marker = bytes[at + 1] ?? 0;
    // Markers that stand alone, without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // The image data or its end, before any frame: nothing says how large it is.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = u16be(bytes, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      const height = u16be(bytes, at + 5);
      const width = u16be(bytes, at + 7);
      // A height of 0 is announced later (DNL): too unusual for a photo to be worth reading.
      return width === 0 || height === 0 ? null : { format: 'jpeg', width, height };
    }
    at += 2 + length;
  }
  return null;
}

function pngHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  return width === 0 || height === 0 ? null : { format: 'png', width, height };
}

function webpHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length < 30) return null;
  const chunk = ascii(bytes, 12, 4);
  let width = 0;
  let height = 0;
  if (chunk === 'VP8X') {
    width = u24le(bytes, 24) + 1;
    height = u24le(bytes, 27) + 1;
  } else if (chunk === 'VP8 ') {
    // A key frame's start code, then 14-bit width and height (two scaling bits above each).
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    width = (bytes[26] ?? 0) | (((bytes[27] ?? 0) & 0x3f) << 8);
    height = (bytes[28] ?? 0) | (((bytes[29] ?? 0) & 0x3f) << 8);
  } else if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return null;
    const bits = u24le(bytes, 21) + (bytes[24] ?? 0) * 0x1000000;
    width = (bits & 0x3fff) + 1;
    height = (Math.floor(bits / 0x4000) & 0x3fff) + 1;
  } else return null;
  return width === 0 || height === 0 ? null : { format: 'webp', width, height };
}

/**
 * The format and pixel size a file announces, read from its first bytes only: whether a photo is too
 * large to decode is known before a byte of it is decoded (a 100-byte PNG can announce a gigapixel).
 * Judged by content, never by the file's name or declared type. Null when it is none of the formats.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(bytes);
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return pngHeader(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return webpHeader(bytes);
  }
  return null;
}
