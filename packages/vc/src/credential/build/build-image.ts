import type { Image } from '../model/image.js';

export interface ImageInput {
  /** URL or `data:` URI of the image (PNG or SVG for Profile and subject images). */
  readonly id: string;
  readonly caption?: string;
}

/** An OB 3.0 Image; only `id`, `type`, `caption` (the class allows no other properties). */
export function buildImage({ id, caption }: ImageInput): Image {
  return { id, type: 'Image', caption };
}
