import { assertIJsonValue, parseIJson } from '../encoding/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import type { InputFormat } from './verification-report.js';

export type CredentialInput = Uint8Array | string | Record<string, unknown>;

export interface ParsedInput {
  readonly format: InputFormat;
  /** A JSON credential (from JSON, or unbaked JSON). */
  readonly document?: Record<string, unknown>;
  /** A compact JWS (from a .jwt file, or unbaked from an image). */
  readonly jwt?: string;
  /** An OB 2.0 hosted assertion's URL, as an image baked it (OB 2.0 §Baking). */
  readonly hostedUrl?: string;
}

/** Unbakes an image; supplied by the bake module so that this parser stays format-agnostic. */
export type Unbaker = (bytes: Uint8Array) => { format: 'png' | 'svg'; text: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
export const DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;

function fail(message: string, code: ErrorCode = ErrorCode.PARSING_ERROR): never {
  throw new MicrocredError(code, message);
}

// Strict I-JSON (RFC 7493), whatever the carrier: a duplicated `credentialSubject` could otherwise show
// one subject and verify another, and the depth bound keeps recursive JSON-LD processing off the stack
// limit (ADVERSARIAL V14).
function parseJsonObject(text: string): Record<string, unknown> {
  const value = parseIJson(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('the credential must be a JSON object');
  return value as Record<string, unknown>;
}

function parseText(text: string, format?: InputFormat): ParsedInput {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return { format: format ?? 'json', document: parseJsonObject(trimmed) };
  if (COMPACT_JWS.test(trimmed)) return { format: format ?? 'jwt', jwt: trimmed };
  // Only an image may carry a bare URL: handed one directly, the verifier would fetch what anyone typed.
  if ((format === 'png' || format === 'svg') && /^https?:\/\/\S+$/.test(trimmed))
    return { format, hostedUrl: trimmed };
  fail('the input is neither a JSON credential, a compact JWS, a PNG nor an SVG');
}

/**
 * Recognises what a verifier was handed (JSON, JWT, baked PNG or SVG) and extracts the credential.
 * Throws MicrocredError (PARSING_ERROR / BAKE_ERROR); the pipeline turns that into a failed check.
 */
export function parseCredentialInput(
  input: CredentialInput,
  options: { unbake: Unbaker; maxInputBytes?: number },
): ParsedInput {
  const limit = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (input instanceof Uint8Array) {
    if (input.length > limit) fail(`the input is larger than ${limit} bytes`, ErrorCode.PAYLOAD_TOO_LARGE);
    if (PNG_SIGNATURE.every((byte, index) => input[index] === byte)) {
      return parseText(options.unbake(input).text, 'png');
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (cause) {
      throw new MicrocredError(ErrorCode.PARSING_ERROR, 'the input is not UTF-8 text nor a PNG', { cause });
    }
    if (/^\s*</.test(text)) return parseText(options.unbake(input).text, 'svg');
    return parseText(text);
  }
  if (typeof input === 'string') {
    if (input.length > limit)
      fail(`the input is longer than ${limit} characters`, ErrorCode.PAYLOAD_TOO_LARGE);
    if (/^\s*</.test(input)) return parseText(options.unbake(new TextEncoder().encode(input)).text, 'svg');
    return parseText(input);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail('the credential must be a JSON object');
  assertIJsonValue(input);
  return { format: 'json', document: input };
}
