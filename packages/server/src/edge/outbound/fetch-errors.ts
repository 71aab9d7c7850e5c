import { ErrorCode, MicrocredError } from '@microcred/vc';

/** Why the guarded fetcher would not fetch a URL or take its answer (FETCH_REFUSED). */
export type FetchRefusal =
  | 'invalid-url'
  | 'scheme-refused'
  | 'credentials-refused'
  | 'address-refused'
  | 'too-many-redirects'
  | 'too-large'
  | 'content-type'
  | 'content-encoding';

/** Why the host did not give what was asked (RESOURCE_UNAVAILABLE). */
export type FetchFailure = 'dns' | 'network' | 'timeout' | 'http-status' | 'not-json';

/**
 * A refusal, shown to whoever asked for the URL: its details name the host and the reason, never the
 * address a name resolved to (that would map an internal network for anyone who can submit a URL).
 */
export function fetchRefused(
  reason: FetchRefusal,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): MicrocredError {
  return new MicrocredError(ErrorCode.FETCH_REFUSED, message, { details: { reason, ...details } });
}

export function fetchFailed(
  reason: FetchFailure,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  cause?: unknown,
): MicrocredError {
  return new MicrocredError(ErrorCode.RESOURCE_UNAVAILABLE, message, {
    details: { reason, ...details },
    ...(cause === undefined ? {} : { cause }),
  });
}
