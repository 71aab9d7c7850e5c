import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import encodeWebp, { init as initWebpEncoder } from '@jsquash/webp/encode.js';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

/** The text a camera would leave in its EXIF block; a cleaned photo must not contain it. */
export const CAMERA_SERIAL = 'SN-4242-PRIVATE';

/** An image whose left half is one colour and right half another, to see crops and turns. */
export function twoColourImage(options: {
  readonly width: number;
  readonly height: number;
  readonly left: readonly [number, number, number, number];
  readonly right: readonly [number, number, number, number];
}): Uint8Array {
  const data = new Uint8Array(options.width * options.height * 4);
  for (let y = 0; y < options.height; y += 1) {
    for (let x = 0; x < options.width; x += 1) {
      data.set(x < options.width / 2 ? options.left : options.right, (y * options.width + x) * 4);
    }
  }
  return data;
}

const RED = [220, 30, 30, 255] as const;
const BLUE = [30, 30, 220, 255] as const;

/**
 * A TIFF/EXIF block as a phone writes one: orientation, a GPS position (48°51'23.88"N 2°21'8.4"E) and,
 * in the Exif sub-IFD, the camera body's serial number. Little-endian, offsets from the TIFF header.
 */
export function exifBlock(options: { readonly orientation?: number } = {}): Uint8Array {
  const bytes: number[] = [];
  const u16 = (value: number) => bytes.push(value & 0xff, (value >> 8) & 0xff);
  const u32 = (value: number) =>
    bytes.push(value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >>> 24);
  const entry = (tag: number, type: number, count: number, value: number) => {
    u16(tag);
    u16(type);
    u32(count);
    u32(value);
  };
  const serial = [...Buffer.from(`${CAMERA_SERIAL}\0`, 'ascii')];
  // Layout: header 8, IFD0 at 8 (3 entries), Exif IFD at 50 (1 entry), GPS IFD at 68 (4 entries), data at 122.
  const ifd0 = 8;
  const exifIfd = ifd0 + 2 + 3 * 12 + 4;
  const gpsIfd = exifIfd + 2 + 12 + 4;
  const data = gpsIfd + 2 + 4 * 12 + 4;
  const serialAt = data;
  const latitudeAt = serialAt + serial.length;
  const longitudeAt = latitudeAt + 24;
  bytes.push(0x49, 0x49, 0x2a, 0x00);
  u32(ifd0);
  u16(3);
  entry(0x0112, 3, 1, options.orientation ?? 1);
  entry(0x8769, 4, 1, exifIfd);
  entry(0x8825, 4, 1, gpsIfd);
  u32(0);
  u16(1);
  entry(0xa431, 2, serial.length, serialAt);
  u32(0);
  u16(4);
  entry(0x0001, 2, 2, 'N'.charCodeAt(0));
  entry(0x0002, 5, 3, latitudeAt);
  entry(0x0003, 2, 2, 'E'.charCodeAt(0));
  entry(0x0004, 5, 3, longitudeAt);
  u32(0);
  bytes.push(...serial);
  for (const [numerator, denominator] of [
    [48, 1],
    [51, 1],
    [2388, 100],
    [2, 1],
    [21, 1],
    [840, 100],
  ] as const) {
    u32(numerator);
    u32(denominator);
  }
  return new Uint8Array([...Buffer.from('Exif\0\0', 'latin1'), ...bytes]);
}

/** A JPEG, red on the left and blue on the right, with `exif` as its APP1 segment when given. */
export function jpegPhoto(options: {
  readonly width: number;
  readonly height: number;
  readonly exif?: Uint8Array;
}): Uint8Array {
  const data = twoColourImage({ ...options, left: RED, right: BLUE });
  const image = { data, width: options.width, height: options.height, exifBuffer: options.exif };
  return new Uint8Array(jpeg.encode(image, 90).data);
}

/** A PNG of the given RGBA pixels. */
export function pngPhoto(options: {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}) {
  const png = new pngjs.PNG({ width: options.width, height: options.height });
  png.data = Buffer.from(options.data);
  return new Uint8Array(pngjs.PNG.sync.write(png));
}

/**
 * A PNG that announces `width`×`height` pixels in 100-odd bytes: a decompression bomb's header, with
 * one valid row of image data behind it.
 */
export function hugePngHeader(width: number, height: number): Uint8Array {
  const small = pngPhoto({ width: 1, height: 1, data: new Uint8Array([0, 0, 0, 255]) });
  const out = small.slice();
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

let webpEncoderReady: Promise<unknown> | undefined;

/** A lossless WebP, red on the left and blue on the right. */
export async function webpPhoto(options: {
  readonly width: number;
  readonly height: number;
}): Promise<Uint8Array> {
  webpEncoderReady ??= (async () => {
    const path = createRequire(import.meta.url).resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm');
    const init = initWebpEncoder as unknown as (options: { wasmBinary: Uint8Array }) => Promise<unknown>;
    return init({ wasmBinary: await readFile(path) });
  })();
  await webpEncoderReady;
  const data = twoColourImage({ ...options, left: RED, right: BLUE });
  const image = { data: new Uint8ClampedArray(data.buffer), width: options.width, height: options.height };
  const encoded = await encodeWebp(image as unknown as Parameters<typeof encodeWebp>[0], { lossless: 1 });
  return new Uint8Array(encoded);
}

/** The markers of a JPEG's segments up to the image data (APP1 is 0xE1). */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
  }
  return markers;
}

/** The RGB of a decoded JPEG's pixel. */
export function pixelOf(bytes: Uint8Array, x: number, y: number): [number, number, number] {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const at = (y * image.width + x) * 4;
  return [image.data[at] ?? 0, image.data[at + 1] ?? 0, image.data[at + 2] ?? 0];
}
