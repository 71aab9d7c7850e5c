import type { Context } from 'hono';
import { PHOTO_LIMITS } from '../../domain/image/photo/prepare-photo.js';
import type { EarnerPhoto, PhotoSize } from '../../domain/ports/index.js';
import type { WebEnv } from './web-env.js';

const PHOTO_FILE = /^([0-9a-f]{16})-(\d+)\.jpg$/;

/** A photo square's file name, `{digest}-256.jpg` or `{digest}-512.jpg`: a new photo, a new address. */
export function photoFileName(photo: EarnerPhoto, size: PhotoSize): string {
  return `${photo.digest}-${size === 'small' ? PHOTO_LIMITS.small : PHOTO_LIMITS.large}.jpg`;
}

/** Which photo and which square a file name names, or null for any other name. */
export function parsePhotoFile(file: string): { readonly digest: string; readonly size: PhotoSize } | null {
  const match = PHOTO_FILE.exec(file);
  if (match === null) return null;
  const [, digest = '', side] = match;
  if (side === String(PHOTO_LIMITS.small)) return { digest, size: 'small' };
  if (side === String(PHOTO_LIMITS.large)) return { digest, size: 'large' };
  return null;
}

/** A photo square as an answer: a JPEG, never sniffed as anything else, tagged with what names it. */
export function photoResponse(
  c: Context<WebEnv>,
  bytes: Uint8Array,
  photo: { readonly digest: string; readonly size: PhotoSize },
  cacheControl: string,
): Response {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'image/jpeg',
    'Cache-Control': cacheControl,
    ETag: `"${photo.digest}-${photo.size}"`,
    'X-Content-Type-Options': 'nosniff',
  });
}
