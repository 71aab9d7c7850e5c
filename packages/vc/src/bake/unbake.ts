import { ErrorCode, MicrocredError } from '../error/index.js';
import type { CredentialKind } from './credential-kinds.js';
import { hasPngSignature } from './png-chunks.js';
import { DEFAULT_MAX_SVG_LENGTH } from './scan-svg.js';
import { unbakePng } from './unbake-png.js';
import { unbakeSvg } from './unbake-svg.js';

export interface UnbakedCredential {
  format: 'png' | 'svg';
  kind: CredentialKind;
  /** The credential JSON or Compact JWS, trimmed. */
  text: string;
}

function fail(message: string, cause?: unknown): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message, cause === undefined ? {} : { cause });
}

// XML §4.3.3 / Appendix F: a UTF-16 document starts with a byte order mark; otherwise we read UTF-8
// (BOM or not), the encoding every SVG tool writes. Invalid UTF-8 is refused rather than guessed at.
function decodeXml(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    fail('image is neither a PNG nor UTF-8/UTF-16 text', cause);
  }
}

/**
 * Extracts the credential from a baked image, telling PNG (by its signature) from SVG (XML text).
 * `maxSvgBytes` bounds the SVG input before it is decoded; PNGs are bounded by the caller's buffer.
 */
export function unbake(bytes: Uint8Array, options: { maxSvgBytes?: number } = {}): UnbakedCredential {
  const { maxSvgBytes = DEFAULT_MAX_SVG_LENGTH } = options;
  if (!(bytes instanceof Uint8Array)) fail('image must be bytes');
  if (hasPngSignature(bytes)) {
    const { kind, text } = unbakePng(bytes);
    return { format: 'png', kind, text };
  }
  if (bytes.length > maxSvgBytes) fail(`image is larger than ${maxSvgBytes} bytes`);
  const text = decodeXml(bytes);
  if (!text.trimStart().startsWith('<')) fail('image is neither a PNG nor an SVG');
  return { format: 'svg', ...unbakeSvg(text, { maxLength: maxSvgBytes }) };
}
