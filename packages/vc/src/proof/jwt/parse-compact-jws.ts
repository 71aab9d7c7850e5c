import { DEFAULT_MAX_JSON_DEPTH, parseIJson } from '../../encoding/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';

/** 1 MiB: far above any real badge (a few KiB) yet small enough that parsing stays cheap. */
export const MAX_JWS_LENGTH = 1024 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// A VC 1.1 JWT wraps the credential in its `vc` claim: one level more than a bare credential may use.
const MAX_JWS_JSON_DEPTH = DEFAULT_MAX_JSON_DEPTH + 1;

/** A compact JWS split and decoded, before any signature check: nothing in it is trusted yet. */
export interface ParsedCompactJws {
  /** The token as verified: surrounding whitespace removed. */
  readonly compact: string;
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

function fail(message: string, details?: Readonly<Record<string, unknown>>): never {
  throw new MicrocredError(ErrorCode.PARSING_ERROR, message, details === undefined ? {} : { details });
}

function decodeSegment(segment: string, name: 'header' | 'payload'): Record<string, unknown> {
  if (segment.length === 0) fail(`the JWS ${name} is empty (detached payloads are not supported)`);
  // RFC 7515 §2: base64url without padding; a length of 4n+1 cannot come from any byte string.
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) fail(`the JWS ${name} is not base64url`);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(segment, 'base64url'));
  } catch {
    fail(`the JWS ${name} is not UTF-8`);
  }
  let value: unknown;
  try {
    // Strict I-JSON (RFC 7519 §7.2 refuses duplicate claim names): the signature covers these bytes, and
    // JSON.parse would let a decoy member be shown while the last one is used (ADVERSARIAL V14).
    value = parseIJson(json, { maxDepth: MAX_JWS_JSON_DEPTH });
  } catch (cause) {
    fail(`the JWS ${name} is ${(cause as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`the JWS ${name} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Splits a JWS Compact Serialization (RFC 7515 §7.1) and decodes its header and payload (a JWT
 * Claims Set, so a JSON object: RFC 7519 §7.2). Throws a PARSING_ERROR MicrocredError.
 */
export function parseCompactJws(options: { jws: unknown; maxLength?: number }): ParsedCompactJws {
  const maxLength = options.maxLength ?? MAX_JWS_LENGTH;
  if (typeof options.jws !== 'string') fail('a VC-JWT must be a string');
  if (options.jws.length > maxLength) {
    fail(`the JWT is longer than ${maxLength} characters`, { maxLength, length: options.jws.length });
  }
  const compact = options.jws.trim();
  const parts = compact.split('.');
  if (parts.length === 5) fail('this is a JWE (encrypted JWT); only signed JWTs (JWS) are supported');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined || signature === undefined) {
    fail(`a compact JWS has 3 dot-separated parts, this has ${parts.length}`);
  }
  // An empty signature is left to the header check, so `alg: none` is reported as a security failure.
  if (!BASE64URL.test(signature) || signature.length % 4 === 1) fail('the JWS signature is not base64url');
  return { compact, header: decodeSegment(header, 'header'), payload: decodeSegment(payload, 'payload') };
}
