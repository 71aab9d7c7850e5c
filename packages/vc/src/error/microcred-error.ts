/**
 * The library's error codes. Every failure that a caller may act on carries a stable `code`. Only codes
 * this library throws belong here: an application on top of it (the microcred server) adds its own
 * (authentication, rate limits…) by extending this object, and maps the union to HTTP statuses itself.
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
  /**
   * The signing key is not shown to belong to the issuer: it came only from the token (a VC-JWT `jwk`
   * header, a `kid` URL outside the issuer's) and no DID or controller document of the issuer lists it.
   * The signature then proves integrity, not authorship. Folds into CRYPTOGRAPHIC_SECURITY_ERROR; only
   * the unsafe `1edtech` compatibility mode accepts such a key, and reports authorship as unproven.
   */
  UNBOUND_KEY: 'UNBOUND_KEY',
  /** A DID or verification method could not be resolved or is not controlled by the issuer. */
  DID_RESOLUTION_ERROR: 'DID_RESOLUTION_ERROR',
  /**
   * A remote resource (DID document, status list) is not available to the verifier: not supplied, or
   * its host did not give it (DNS, network, time limit, HTTP status, not JSON; `details.reason`).
   */
  RESOURCE_UNAVAILABLE: 'RESOURCE_UNAVAILABLE',
  /**
   * A guarded fetcher would not fetch a URL or accept its answer: a scheme other than https (unless the
   * host is allow-listed), credentials in the URL, an address that is not public (loopback, private,
   * link-local…), too many redirects, an answer too large or of a content type or encoding it does not
   * read. `details.reason` says which. Retrying does not help: the caller gives another URL, or the
   * operator allow-lists the host.
   */
  FETCH_REFUSED: 'FETCH_REFUSED',
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
  /** Input failed validation (a builder's options; at a server's edge, a request body or CSV row). */
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  /** An input is over its size limit (a credential handed to the verifier; a request body). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A bug or an unexpected failure; the cause is logged, never shown. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface MicrocredErrorOptions {
  cause?: unknown;
  /** Structured, non-secret details safe to show a caller (e.g. the failing field or URL). */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * The one error type of microcred. `Code` is the library's codes unless an application extends them
 * (`class ServerError extends MicrocredError<ServerErrorCode>`); it is never inferred from the argument,
 * so `new MicrocredError('TYPO', …)` does not compile.
 */
export class MicrocredError<Code extends string = ErrorCode> extends Error {
  readonly code: Code;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: NoInfer<Code>, message: string, options: MicrocredErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MicrocredError';
    this.code = code;
    this.details = options.details;
  }
}

/** Any microcred error; an application that extends the codes narrows with its own guard instead. */
export function isMicrocredError(value: unknown): value is MicrocredError {
  return value instanceof MicrocredError;
}
