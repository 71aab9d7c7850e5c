import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import decodeWebp, { init as initWebp } from '@jsquash/webp/decode.js';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import type { ImageHeader } from './image-header.js';
import type { RgbaImage } from './square-thumbnail.js';

// Emscripten's own option: the wasm bytes handed in, where the module cannot fetch them by URL (Node).
const initWebpWith = initWebp as unknown as (options: { wasmBinary: Uint8Array }) => Promise<void>;

let webpReady: Promise<void> | undefined;

async function loadWebpDecoder(): Promise<void> {
  const path = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
  await initWebpWith({ wasmBinary: await readFile(path) });
}

/**
 * The pixels of a file whose header was read and found small enough. Throws when the body does not
 * decode as the header said (truncated, corrupt, or a header glued onto something else).
 */
export async function decodeImage(bytes: Uint8Array, header: ImageHeader): Promise<RgbaImage> {
  const image = await decodeAs(bytes, header);
  if (image.width !== header.width || image.height !== header.height) {
    throw new Error('the decoded size differs from the announced size');
  }
  return image;
}

async function decodeAs(bytes: Uint8Array, header: ImageHeader): Promise<RgbaImage> {
  switch (header.format) {
    case 'jpeg': {
      // The header was checked already; these limits are the decoder's own second line.
      const decoded = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        tolerantDecoding: false,
        maxResolutionInMP: Math.ceil((header.width * header.height) / 1_000_000),
        maxMemoryUsageInMB: 256,
      });
      return { width: decoded.width, height: decoded.height, data: decoded.data };
    }
    case 'png': {
      // Any bit depth, palette or grey is expanded to 8-bit RGBA.
      const decoded = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data) };
    }
    case 'webp': {
      webpReady ??= loadWebpDecoder();
      await webpReady;
      const copy = bytes.slice().buffer;
      const decoded = (await decodeWebp(copy)) as unknown as {
        readonly width: number;
        readonly height: number;
        readonly data: Uint8ClampedArray;
      };
      return {
        width: decoded.width,
        height: decoded.height,
        data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
      };
    }
  }
}
