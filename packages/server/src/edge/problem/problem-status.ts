import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServerErrorCode } from '../../domain/error/server-error.js';

/**
 * The one table from error code to HTTP status, for the API's problems and the pages' errors alike. A
 * `Record` over every code, so adding a code (the library's or the server's) does not compile until
 * someone decides here how the platform answers it.
 */
export const PROBLEM_STATUS: Readonly<Record<ServerErrorCode, ContentfulStatusCode>> = {
  PARSING_ERROR: 400,
  MALFORMED_VALUE_ERROR: 400,
  VALIDATION_ERROR: 400,
  RANGE_ERROR: 400,
  UNKNOWN_CONTEXT: 400,
  UNDEFINED_TERM: 400,
  SCHEMA_VALIDATION_ERROR: 400,
  BAKE_ERROR: 400,
  UNSUPPORTED_CRYPTOSUITE: 400,
  CRYPTOGRAPHIC_SECURITY_ERROR: 400,
  PROOF_VERIFICATION_ERROR: 400,
  INVALID_KEY: 400,
  DID_RESOLUTION_ERROR: 400,
  UNBOUND_KEY: 400,
  STATUS_VERIFICATION_ERROR: 400,
  STATUS_LIST_LENGTH_ERROR: 400,
  // A credential's status is an outcome of verification, never a reason a request failed; if a use
  // case ever throws it, the caller asked for something the credential's state does not allow.
  REVOKED: 409,
  SUSPENDED: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  // Something this server needed from elsewhere was not there: not the caller's fault.
  RESOURCE_UNAVAILABLE: 502,
  STATUS_RETRIEVAL_ERROR: 502,
  // The URL given (or where it led) is one the platform will not fetch, or its answer one it will not
  // read: the caller can give another.
  FETCH_REFUSED: 400,
  // Signing our own credential failed: a bug or a broken key, never the caller's input.
  PROOF_GENERATION_ERROR: 500,
  INTERNAL: 500,
};
