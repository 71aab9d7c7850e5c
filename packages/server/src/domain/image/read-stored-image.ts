import type { ImageRef } from '../ports/index.js';
import { decodeImageDataUri, hasPngSignature, type ImageMediaType } from './image-data-uri.js';
import { isPublicHttpsUrl } from './is-public-https-url.js';
import { sanitizeSvg } from './sanitize-svg.js';

export type ServableImage =
  | { readonly kind: 'file'; readonly mediaType: ImageMediaType; readonly bytes: Uint8Array }
  | { readonly kind: 'link'; readonly url: string };

/**
 * A stored image as it may be served, checked again on the way out: images stored before uploads were
 * sanitised and URLs were restricted are still in the database, so the rules that `prepareImage` applies
 * on the way in apply here too. Undefined when there is nothing safe to serve (the caller then draws the
 * generated badge).
 */
export function readStoredImage(image: ImageRef | null): ServableImage | undefined {
  if (image === null) return undefined;
  if (!image.id.startsWith('data:')) {
    return isPublicHttpsUrl(image.id) ? { kind: 'link', url: image.id } : undefined;
  }
  const decoded = decodeImageDataUri(image.id);
  if (decoded === undefined) return undefined;
  if (decoded.mediaType === 'image/png') {
    return hasPngSignature(decoded.bytes) ? { kind: 'file', ...decoded } : undefined;
  }
  try {
    const svg = sanitizeSvg(new TextDecoder('utf-8', { fatal: true }).decode(decoded.bytes));
    return { kind: 'file', mediaType: 'image/svg+xml', bytes: new TextEncoder().encode(svg) };
  } catch {
    // Not UTF-8, or not an SVG document: nothing in it is worth serving.
    return undefined;
  }
}
