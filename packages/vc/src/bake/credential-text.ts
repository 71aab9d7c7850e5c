import { assertIJsonValue, parseIJson } from '../encoding/index.js';
import { ErrorCode, isMicrocredError, MicrocredError } from '../error/index.js';

export interface CredentialText {
  text: string;
  /** A Compact JWS (VC-JWT); otherwise the text is a JSON object. */
  isJws: boolean;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

// Code units that XML 1.0 §2.2 Char cannot carry (lone surrogates, which UTF-8 cannot carry either, are
// refused as not I-JSON). In valid JSON they can only sit inside string literals, where a \u escape means
// the same thing.
const UNENCODABLE = /[\uFFFE\uFFFF]/g;

function fail(message: string, cause?: unknown): never {
  throw new MicrocredError(ErrorCode.BAKE_ERROR, message, cause === undefined ? {} : { cause });
}

/**
 * The text to bake (OB 3.0 §Baked Badge): a Compact JWS as is, or the credential JSON. A string must be
 * one of the two, so an image never carries something no verifier can read. Leading and trailing
 * whitespace is dropped (it has no meaning in JSON or JWS, and the 1EdTech validator trims it too).
 */
export function toCredentialText(credential: string | object): CredentialText {
  let text: string;
  if (typeof credential === 'string') {
    text = credential.trim();
    if (COMPACT_JWS.test(text)) return { text, isJws: true };
    let parsed: unknown;
    try {
      // Strict I-JSON: an image must not carry a credential that verifiers would read two ways, or refuse.
      parsed = parseIJson(text);
    } catch (cause) {
      fail(`credential text is neither a Compact JWS nor I-JSON: ${(cause as Error).message}`, cause);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      fail('credential JSON must be an object');
    }
  } else {
    if (credential === null || Array.isArray(credential)) fail('credential must be an object');
    try {
      assertIJsonValue(credential);
    } catch (cause) {
      if (!isMicrocredError(cause)) throw cause;
      fail(`credential is not I-JSON: ${cause.message}`, cause);
    }
    try {
      text = JSON.stringify(credential);
    } catch (cause) {
      fail('credential cannot be serialized as JSON', cause);
    }
    // JSON.stringify yields undefined for an object whose toJSON returns undefined.
    if (typeof text !== 'string') fail('credential cannot be serialized as JSON');
  }
  return {
    text: text.replace(UNENCODABLE, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
    isJws: false,
  };
}
