import { deflateSync } from 'node:zlib';
import { encodePngChunk, PNG_SIGNATURE } from '../../src/bake/png-chunks.js';

// Test support: images are built in code so no binary is committed.

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The chunks of a valid 1×1 RGBA PNG: IHDR, IDAT (one filter byte + one pixel), IEND. */
export function tinyPngChunks(): { ihdr: Uint8Array; idat: Uint8Array; iend: Uint8Array } {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1); // width
  view.setUint32(4, 1); // height
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filter, no interlace
  return {
    ihdr: encodePngChunk('IHDR', header),
    idat: encodePngChunk('IDAT', deflateSync(Uint8Array.of(0, 0x1e, 0x90, 0xff, 0xff))),
    iend: encodePngChunk('IEND', new Uint8Array(0)),
  };
}

export function makeTinyPng(): Uint8Array {
  const { ihdr, idat, iend } = tinyPngChunks();
  return concatBytes(PNG_SIGNATURE, ihdr, idat, iend);
}

export const TINY_SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n' +
  '  <circle cx="5" cy="5" r="4" fill="#1e90ff"/>\n' +
  '</svg>\n';
