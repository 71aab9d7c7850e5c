import { ErrorCode, isMicrocredError, MicrocredError } from '@microcred/vc';
import type { ImageRef } from '../ports/index.js';
import { decodeImageDataUri, encodeImageDataUri, hasPngSignature } from './image-data-uri.js';
import { isPublicHttpsUrl } from './is-public-https-url.js';
import { sanitizeSvg } from './sanitize-svg.js';

export const PUBLIC_IMAGE_URL_RULE =
  'must be an https URL on a public host (not an IP address, localhost, or a name without a dot)';

function invalid(message: string): never {
  throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `the image ${message}`, {
    details: { errors: [{ path: 'image.id', message }] },
  });
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return invalid('is declared as SVG but is not UTF-8 text');
  }
}

/**
 * An image as the platform stores it: an uploaded SVG reduced to inert artwork, a PNG checked to be one,
 * a URL only to a public https host. Every use case that stores an image passes it through here, so an
 * image served later is safe whichever edge it came in by. Throws VALIDATION_ERROR naming `image.id`.
 */
export function prepareImage(image: ImageRef): ImageRef {
  const caption = image.caption === undefined ? {} : { caption: image.caption };
  if (!image.id.startsWith('data:')) {
    if (!isPublicHttpsUrl(image.id)) invalid(PUBLIC_IMAGE_URL_RULE);
    return { id: image.id, ...caption };
  }
  const decoded = decodeImageDataUri(image.id);
  if (decoded === undefined) return invalid('must be a PNG or SVG data URI in base64');
  if (decoded.mediaType === 'image/png') {
    if (!hasPngSignature(decoded.bytes)) invalid('is declared as PNG but is not a PNG file');
    return { id: image.id, ...caption };
  }
  let clean: string;
  try {
    clean = sanitizeSvg(utf8(decoded.bytes));
  } catch (error) {
    if (isMicrocredError(error) && error.code === ErrorCode.PARSING_ERROR) {
      return invalid('is declared as SVG but is not an SVG document');
    }
    throw error;
  }
  return { id: encodeImageDataUri('image/svg+xml', clean), ...caption };
}
