import { ErrorCode, MicrocredError } from '@microcred/vc';

/**
 * The platform's error codes: the credential library's, and those only a server throws (callers,
 * requests, limits). One union, one status table (`PROBLEM_STATUS`), one problem rendering.
 */
export const ServerErrorCode = {
  ...ErrorCode,
  /** Caller is not authenticated. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** Caller is authenticated but may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The thing asked for does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with current state (duplicate slug, revoking twice with another reason). */
  CONFLICT: 'CONFLICT',
  /** The request's header fields are over the server's limit (HTTP 431): send fewer or smaller ones. */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  /** The request body's media type is not accepted here. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** Too many requests for one address, client or API key in a while: wait `Retry-After` seconds. */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode];

/** A `MicrocredError` that may carry a server code: the same error type, caught and rendered alike. */
export class ServerError extends MicrocredError<ServerErrorCode> {}

/** Any microcred error, the library's or the server's, with its code typed as the union. */
export function isServerError(value: unknown): value is MicrocredError<ServerErrorCode> {
  return value instanceof MicrocredError;
}
