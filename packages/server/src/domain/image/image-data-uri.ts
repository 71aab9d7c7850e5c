/** The image types the platform stores: PNG and SVG, as base64 `data:` URIs. */
export type ImageMediaType = 'image/png' | 'image/svg+xml';

export const IMAGE_DATA_URI = /^data:(image\/(?:png|svg\+xml));base64,([A-Za-z0-9+/=]+)$/;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The media type and bytes of a PNG or SVG data URI; undefined for anything else. */
export function decodeImageDataUri(uri: string): { mediaType: ImageMediaType; bytes: Buffer } | undefined {
  const match = IMAGE_DATA_URI.exec(uri);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { mediaType: match[1] as ImageMediaType, bytes: Buffer.from(match[2], 'base64') };
}

export function encodeImageDataUri(mediaType: ImageMediaType, bytes: Uint8Array | string): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Declared PNGs must be PNGs, so that the type we serve them under is the truth. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}
