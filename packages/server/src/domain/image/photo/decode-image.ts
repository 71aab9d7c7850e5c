import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import decodeJpeg, { init as initJpeg } from '@jsquash/jpeg/decode.js';
import decodeWebp, { init as initWebp } from '@jsquash/webp/decode.js';
import pngjs from 'pngjs';
import type { ImageHeader } from './image-header.js';
import type { RgbaImage } from './square-thumbnail.js';

type InitWith = (options: { wasmBinary: Uint8Array }) => Promise<void>;

/**
 * Starts a jSquash (Squoosh) decoder once. Emscripten's own option hands it the wasm bytes, where it
 * cannot fetch them by URL (Node).
 */
function wasmDecoder(init: unknown, wasm: string): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= (async () => {
      const bytes = await readFile(createRequire(import.meta.url).resolve(wasm));
      await (init as InitWith)({ wasmBinary: bytes });
    })();
    return ready;
  };
}

const jpegReady = wasmDecoder(initJpeg, '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');
const webpReady = wasmDecoder(initWebp, '@jsquash/webp/codec/dec/webp_dec.wasm');

interface DecodedImageData {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

const asRgba = (decoded: DecodedImageData): RgbaImage => ({
  width: decoded.width,
  height: decoded.height,
  data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
});

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
      // libjpeg-turbo in wasm: ten times the speed of a decoder in JavaScript, on the request's thread.
      await jpegReady();
      return asRgba((await decodeJpeg(bytes.slice().buffer)) as unknown as DecodedImageData);
    }
    case 'png': {
      // Any bit depth, palette or grey is expanded to 8-bit RGBA.
      const decoded = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data) };
    }
    case 'webp': {
      await webpReady();
      return asRgba((await decodeWebp(bytes.slice().buffer)) as unknown as DecodedImageData);
    }
  }
}
