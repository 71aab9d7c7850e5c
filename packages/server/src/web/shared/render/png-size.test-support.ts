/** Width and height from a PNG's IHDR chunk, which must come right after the signature (PNG §5.6, §11.2.2). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, index) => png[index] === byte)) throw new Error('not a PNG');
  if (new TextDecoder().decode(png.subarray(12, 16)) !== 'IHDR') throw new Error('no IHDR first');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
