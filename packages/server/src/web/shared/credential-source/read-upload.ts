import { ServerError, ServerErrorCode } from '../../../domain/error/server-error.js';

/** Credential files people upload (a baked PNG is the largest); the request limit is set above this. */
export const UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * An uploaded credential file as the verifier takes it: PNG bytes, or the text of a JSON, JWT or SVG
 * file. The type is judged by content, not by name or declared type. Null when no file was chosen.
 */
export async function readUpload(file: unknown): Promise<Uint8Array | string | null> {
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > UPLOAD_LIMIT_BYTES) {
    throw new ServerError(ServerErrorCode.PAYLOAD_TOO_LARGE, `the file is over ${UPLOAD_LIMIT_BYTES} bytes`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim();
  } catch {
    throw new ServerError(ServerErrorCode.UNSUPPORTED_MEDIA_TYPE, 'the file is neither a PNG nor UTF-8 text');
  }
  if (
    text.startsWith('{') ||
    text.startsWith('<') ||
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text)
  ) {
    return text;
  }
  throw new ServerError(
    ServerErrorCode.UNSUPPORTED_MEDIA_TYPE,
    'the file is not JSON, a JWT, a PNG or an SVG',
  );
}
