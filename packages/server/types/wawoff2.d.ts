// wawoff2 ships no types; only the decoder is used.
declare module 'wawoff2' {
  /** WOFF2 bytes to the TrueType/OpenType font they pack. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
