/**
 * Standard padded base64 (RFC 4648 §4), decoded only when it is the one canonical encoding of its bytes:
 * Buffer's decoder skips junk and ignores non-zero trailing bits, so two spellings could name one key or
 * signature. Undefined when it is not.
 */
export function decodeStrictBase64(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
