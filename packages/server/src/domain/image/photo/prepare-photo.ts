import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { decodeImage } from './decode-image.js';
import { orientSquare, readJpegOrientation } from './exif-orientation.js';
import { readImageHeader } from './image-header.js';
import { squareThumbnail } from './square-thumbnail.js';

/** What a profile photo may be when uploaded, and the sizes it is kept in. */
export const PHOTO_LIMITS = {
  /** The file as uploaded. */
  bytes: 2 * 1024 * 1024,
  /** Either side, in pixels, as the file's header announces it: decoding is refused above. */
  side: 4096,
  /** The square it is shown in (CSS pixels), and twice that for high-density screens. */
  small: 256,
  large: 512,
} as const;

/** Why a file is refused as a photo. */
export type PhotoProblem = 'empty' | 'too-large' | 'not-an-image' | 'too-many-pixels' | 'unreadable';

/** A photo as the platform keeps it: two fresh JPEG squares, and a digest that names this version. */
export interface PreparedPhoto {
  /** The first 16 hex digits of the SHA-256 of `large`: a new photo gets a new address. */
  readonly digest: string;
  readonly small: Uint8Array;
  readonly large: Uint8Array;
}

/** A photo prepared, or why it is refused. */
export type PhotoPreparation =
  | { readonly ok: true; readonly photo: PreparedPhoto }
  | { readonly ok: false; readonly problem: PhotoProblem };

/** Where photos are prepared: `preparePhoto` itself, or the server's worker thread running it. */
export type PhotoPreparer = (bytes: Uint8Array) => Promise<PhotoPreparation>;

const QUALITY = 85;

function encodeJpeg(rgba: Uint8Array, side: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: rgba, width: side, height: side }, QUALITY).data);
}

/**
 * A profile photo made safe to publish: a JPEG, PNG or WebP (judged by its bytes, not its name), at
 * most `PHOTO_LIMITS.bytes` and `PHOTO_LIMITS.side` pixels a side, decoded, turned upright, cropped to
 * its centred square and re-encoded from the pixels alone. Nothing of the file but its pixels survives:
 * no EXIF (GPS position, camera serial, date), XMP, ICC profile, comment or trailing data. A report,
 * not an error: the settings form shows the problem beside the field.
 */
export async function preparePhoto(bytes: Uint8Array): Promise<PhotoPreparation> {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > PHOTO_LIMITS.bytes) return { ok: false, problem: 'too-large' };
  const header = readImageHeader(bytes);
  if (header === null) return { ok: false, problem: 'not-an-image' };
  if (header.width > PHOTO_LIMITS.side || header.height > PHOTO_LIMITS.side) {
    return { ok: false, problem: 'too-many-pixels' };
  }
  let image: Awaited<ReturnType<typeof decodeImage>>;
  try {
    image = await decodeImage(bytes, header);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const orientation = header.format === 'jpeg' ? readJpegOrientation(bytes) : 1;
  const largePixels = orientSquare(
    squareThumbnail(image, PHOTO_LIMITS.large),
    PHOTO_LIMITS.large,
    orientation,
  );
  // The small one from the large one: halving 512 pixels rather than shrinking millions again.
  const smallPixels = squareThumbnail(
    { width: PHOTO_LIMITS.large, height: PHOTO_LIMITS.large, data: largePixels },
    PHOTO_LIMITS.small,
  );
  const large = encodeJpeg(largePixels, PHOTO_LIMITS.large);
  const small = encodeJpeg(smallPixels, PHOTO_LIMITS.small);
  const digest = createHash('sha256').update(large).digest('hex').slice(0, 16);
  return { ok: true, photo: { digest, small, large } };
}
