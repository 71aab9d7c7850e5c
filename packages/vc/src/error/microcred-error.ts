/**
 * The one error type of microcred. Every failure that a caller may act on carries a stable `code`;
 * the HTTP edge maps codes to statuses through one table and renders RFC 9457 problem+json.
 */
export const ErrorCode = {
  /** Input is not parseable (broken JSON, bad JWT, not an image). VC 2.0 §7.2 PARSING_ERROR. */
  PARSING_ERROR: 'PARSING_ERROR',
  /** A value has the wrong shape or type. VC 2.0 §7.2 MALFORMED_VALUE_ERROR. */
  MALFORMED_VALUE_ERROR: 'MALFORMED_VALUE_ERROR',
  /** A signature or key does not check out. VC 2.0 §7.2 CRYPTOGRAPHIC_SECURITY_ERROR. */
  CRYPTOGRAPHIC_SECURITY_ERROR: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  /** A value is outside its allowed range (index beyond a list, date order). VC 2.0 §7.2 RANGE_ERROR. */
  RANGE_ERROR: 'RANGE_ERROR',
  /** A JSON-LD context URL that is neither bundled nor supplied: never fetched. */
  UNKNOWN_CONTEXT: 'UNKNOWN_CONTEXT',
  /** JSON-LD safe mode: a term or type is not defined by any context, so it would be silently dropped. */
  UNDEFINED_TERM: 'UNDEFINED_TERM',
  /** A proof type or cryptosuite this library does not implement. */
  UNSUPPORTED_CRYPTOSUITE: 'UNSUPPORTED_CRYPTOSUITE',
  /** Creating a proof failed (bad options, bad key). Data Integrity PROOF_GENERATION_ERROR. */
  PROOF_GENERATION_ERROR: 'PROOF_GENERATION_ERROR',
  /** The proof exists but does not verify. Data Integrity PROOF_VERIFICATION_ERROR. */
  PROOF_VERIFICATION_ERROR: 'PROOF_VERIFICATION_ERROR',
  /** A key is malformed (wrong multicodec, wrong length). */
  INVALID_KEY: 'INVALID_KEY',
  /** A DID or verification method could not be resolved or is not controlled by the issuer. */
  DID_RESOLUTION_ERROR: 'DID_RESOLUTION_ERROR',
  /** A remote resource (DID document, status list) is not available to the verifier. */
  RESOURCE_UNAVAILABLE: 'RESOURCE_UNAVAILABLE',
  /** Bitstring Status List: the list could not be retrieved. */
  STATUS_RETRIEVAL_ERROR: 'STATUS_RETRIEVAL_ERROR',
  /** Bitstring Status List: the list's proof or purpose does not check out. */
  STATUS_VERIFICATION_ERROR: 'STATUS_VERIFICATION_ERROR',
  /** Bitstring Status List: the list is shorter than the minimum number of entries. */
  STATUS_LIST_LENGTH_ERROR: 'STATUS_LIST_LENGTH_ERROR',
  /** The credential's status says it is revoked (Bitstring Status List or 1EdTech Revocation List). */
  REVOKED: 'REVOKED',
  /** The credential's status says it is suspended (reversible). */
  SUSPENDED: 'SUSPENDED',
  /** A document does not validate against its JSON Schema. */
  SCHEMA_VALIDATION_ERROR: 'SCHEMA_VALIDATION_ERROR',
  /** An image cannot be baked or unbaked (not a PNG/SVG, duplicate credential, unsafe XML). */
  BAKE_ERROR: 'BAKE_ERROR',
  /** Request input failed validation at an edge (HTTP body, CLI flags, CSV row). */
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  /** Caller is not authenticated. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** Caller is authenticated but may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The thing asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with current state (duplicate slug, revoking twice with another reason). */
  CONFLICT: 'CONFLICT',
  /** The request body is over the size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The request body's media type is not accepted here. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A bug or an unexpected failure; the cause is logged, never shown. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface MicrocredErrorOptions {
  cause?: unknown;
  /** Structured, non-secret details safe to show a caller (e.g. the failing field or URL). */
  details?: Readonly<Record<string, unknown>>;
}

export class MicrocredError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: MicrocredErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MicrocredError';
    this.code = code;
    this.details = options.details;
  }
}

export function isMicrocredError(value: unknown): value is MicrocredError {
  return value instanceof MicrocredError;
}
