/** EXIF orientation, 1 (as stored) to 8: how a camera says to turn the pixels for display. */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

function orientationInTiff(tiff: Uint8Array): Orientation {
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : 0);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : 0);
  const ifd = u32(4);
  const entries = u16(ifd);
  for (let index = 0; index < entries; index += 1) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === ORIENTATION_TAG) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? (value as Orientation) : 1;
    }
  }
  return 1;
}

/**
 * The orientation a JPEG's EXIF block gives (1 when it gives none). Phones store a portrait as a turned
 * landscape plus this tag: the tag goes when the metadata is stripped, so the turn must be made first.
 */
export function readJpegOrientation(bytes: Uint8Array): Orientation {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) return 1;
    const start = at + 4;
    if (
      marker === 0xe1 &&
      String.fromCharCode(...bytes.subarray(start, start + 4)) === 'Exif' &&
      bytes[start + 4] === 0
    ) {
      return orientationInTiff(bytes.subarray(start + 6, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

/**
 * A square RGBA image turned as `orientation` says. Only squares: a centred square crop commutes with
 * every one of the eight turns and flips, so the photo is cropped and scaled first and turned last, on
 * a few hundred pixels rather than millions.
 */
export function orientSquare(rgba: Uint8Array, side: number, orientation: Orientation): Uint8Array {
  if (orientation === 1) return rgba;
  const out = new Uint8Array(rgba.length);
  const last = side - 1;
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      // Where the displayed pixel (x, y) is stored.
      const [sx, sy] =
        orientation === 2
          ? [last - x, y]
          : orientation === 3
            ? [last - x, last - y]
            : orientation === 4
              ? [x, last - y]
              : orientation === 5
                ? [y, x]
                : orientation === 6
                  ? [y, last - x]
                  : orientation === 7
                    ? [last - y, last - x]
                    : [last - y, x];
      out.set(rgba.subarray((sy * side + sx) * 4, (sy * side + sx) * 4 + 4), (y * side + x) * 4);
    }
  }
  return out;
}
