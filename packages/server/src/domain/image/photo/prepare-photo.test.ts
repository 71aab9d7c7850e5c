import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from './image-header.js';
import {
  CAMERA_SERIAL,
  exifBlock,
  hugePngHeader,
  jpegMarkers,
  jpegPhoto,
  pixelOf,
  pngPhoto,
  twoColourImage,
  webpPhoto,
} from './photo-fixtures.test-support.js';
import { PHOTO_LIMITS, preparePhoto } from './prepare-photo.js';

const JFIF_APP0 = 0xe0;
const APP1 = 0xe1;

async function prepared(bytes: Uint8Array) {
  const outcome = await preparePhoto(bytes);
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.photo;
}

const isRed = ([r, g, b]: [number, number, number]) => r > 180 && g < 80 && b < 80;
const isBlue = ([r, g, b]: [number, number, number]) => b > 180 && r < 80 && g < 80;

describe('preparePhoto', () => {
  it('drops the EXIF block, GPS position and camera serial included, of a JPEG', async () => {
    const original = jpegPhoto({ width: 300, height: 200, exif: exifBlock() });
    // The fixture is what a phone sends: a standard reader finds the position and the serial in it.
    const before = await exifr.parse(original, { gps: true, exif: true });
    expect(before.latitude).toBeCloseTo(48.8566, 3);
    expect(before.SerialNumber).toBe(CAMERA_SERIAL);
    expect(jpegMarkers(original)).toContain(APP1);

    const photo = await prepared(original);
    for (const image of [photo.small, photo.large]) {
      expect(jpegMarkers(image)).not.toContain(APP1);
      expect(await exifr.parse(image, { gps: true, exif: true })).toBeUndefined();
      expect(Buffer.from(image).includes(CAMERA_SERIAL)).toBe(false);
      expect(Buffer.from(image).includes('Exif')).toBe(false);
      // The only application segment left is the JFIF one the encoder writes.
      expect(jpegMarkers(image).filter((marker) => marker >= 0xe0 && marker <= 0xef)).toEqual([JFIF_APP0]);
    }
  });

  it('crops the centred square and keeps it at two sizes', async () => {
    const photo = await prepared(jpegPhoto({ width: 600, height: 200 }));
    expect(readImageHeader(photo.small)).toEqual({ format: 'jpeg', width: 256, height: 256 });
    expect(readImageHeader(photo.large)).toEqual({ format: 'jpeg', width: 512, height: 512 });
    // The centre square of a red-left, blue-right strip is still red on its left and blue on its right.
    expect(isRed(pixelOf(photo.large, 60, 256))).toBe(true);
    expect(isBlue(pixelOf(photo.large, 450, 256))).toBe(true);
    expect(photo.digest).toMatch(/^[0-9a-f]{16}$/);
  });

  it('turns a photo upright as its EXIF orientation says, before the tag is dropped', async () => {
    // Orientation 6: stored on its side, shown turned 90° clockwise, so its left half shows on top.
    const photo = await prepared(jpegPhoto({ width: 400, height: 400, exif: exifBlock({ orientation: 6 }) }));
    expect(isRed(pixelOf(photo.large, 256, 40))).toBe(true);
    expect(isBlue(pixelOf(photo.large, 256, 470))).toBe(true);
  });

  it('reads a PNG, laying transparency on white', async () => {
    const data = twoColourImage({ width: 100, height: 100, left: [0, 0, 0, 0], right: [30, 30, 220, 255] });
    const photo = await prepared(pngPhoto({ width: 100, height: 100, data }));
    const [r, g, b] = pixelOf(photo.small, 20, 128);
    expect(Math.min(r, g, b)).toBeGreaterThan(240);
    expect(isBlue(pixelOf(photo.small, 230, 128))).toBe(true);
  });

  it('reads a WebP', async () => {
    const photo = await prepared(await webpPhoto({ width: 320, height: 320 }));
    expect(isRed(pixelOf(photo.large, 40, 256))).toBe(true);
    expect(isBlue(pixelOf(photo.large, 470, 256))).toBe(true);
  });

  it('goes by the bytes, not the name: any of the three formats is read as what it is', async () => {
    const png = pngPhoto({
      width: 10,
      height: 10,
      data: twoColourImage({ width: 10, height: 10, left: [1, 2, 3, 255], right: [1, 2, 3, 255] }),
    });
    expect(readImageHeader(png)?.format).toBe('png');
    expect((await preparePhoto(png)).ok).toBe(true);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['text', new TextEncoder().encode('<html><body>not a photo</body></html>'), 'not-an-image'],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'not-an-image'],
    ['a GIF', new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0, 0]), 'not-an-image'],
    ['a header announcing 20000×20000 pixels', hugePngHeader(20_000, 20_000), 'too-many-pixels'],
    ['a header announcing one side too long', hugePngHeader(PHOTO_LIMITS.side + 1, 10), 'too-many-pixels'],
    ['a file over the size limit', new Uint8Array(PHOTO_LIMITS.bytes + 1), 'too-large'],
    ['a JPEG cut short', jpegPhoto({ width: 200, height: 200 }).slice(0, 400), 'unreadable'],
    ['a PNG header glued onto nothing', hugePngHeader(64, 64), 'unreadable'],
  ] as const)('refuses %s', async (_, bytes, problem) => {
    expect(await preparePhoto(bytes)).toEqual({ ok: false, problem });
  });

  it('never decodes what the header says is too large', async () => {
    // A real 4097-pixel-wide JPEG: refused from its header, though it would decode.
    const wide = jpegPhoto({ width: PHOTO_LIMITS.side + 1, height: 8 });
    expect(jpeg.decode(wide, { useTArray: true }).width).toBe(PHOTO_LIMITS.side + 1);
    expect(await preparePhoto(wide)).toEqual({ ok: false, problem: 'too-many-pixels' });
  });
});

describe('preparePhoto after a refusal', () => {
  it('still reads good photos once a corrupt one failed to decode', async () => {
    const good = jpegPhoto({ width: 64, height: 64 });
    const corrupt = good.slice();
    corrupt.fill(0x55, 300);
    await preparePhoto(corrupt);
    await preparePhoto(jpegPhoto({ width: 200, height: 200 }).slice(0, 400));
    expect((await preparePhoto(good)).ok).toBe(true);
  });
});
