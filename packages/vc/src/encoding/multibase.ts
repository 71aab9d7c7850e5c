import { base58, base64urlnopad } from '@scure/base';
import { ErrorCode, MicrocredError } from '../error/index.js';

/** Multibase base58btc: `z` + base58 (Bitcoin alphabet). Used by Multikey and proofValue. */
export function encodeBase58btc(bytes: Uint8Array): string {
  return `z${base58.encode(bytes)}`;
}

export function decodeBase58btc(value: string): Uint8Array {
  if (typeof value !== 'string' || !value.startsWith('z')) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      'expected a multibase base58btc value starting with "z"',
    );
  }
  try {
    return base58.decode(value.slice(1));
  } catch (cause) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'invalid base58btc characters', { cause });
  }
}

/** Multibase base64url without padding: `u` + base64url. Used by Bitstring Status List `encodedList`. */
export function encodeBase64urlMultibase(bytes: Uint8Array): string {
  return `u${base64urlnopad.encode(bytes)}`;
}

export function decodeBase64url(value: string): Uint8Array {
  try {
    return base64urlnopad.decode(value.replace(/=+$/, ''));
  } catch (cause) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'invalid base64url characters', { cause });
  }
}

/** Decodes any multibase value this library meets: `z` (base58btc) or `u` (base64url). */
export function decodeMultibase(value: string): Uint8Array {
  if (typeof value !== 'string' || value.length === 0) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'expected a multibase string');
  }
  if (value.startsWith('z')) return decodeBase58btc(value);
  if (value.startsWith('u')) return decodeBase64url(value.slice(1));
  throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `unsupported multibase prefix "${value[0]}"`);
}
