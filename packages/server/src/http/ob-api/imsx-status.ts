import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toProblem } from '../../edge/problem/to-problem.js';
import type { PublicEnv } from '../../edge/public-env.js';

/**
 * The Imsx_StatusInfo code minor values OB 3.0 allows (`Imsx_CodeMinorField` in its OpenAPI description):
 * there is no `not_found`, so a 404 says `unknown`.
 */
export const IMSX_CODE_MINORS = [
  'forbidden',
  'fullsuccess',
  'internal_server_error',
  'invalid_data',
  'invalid_query_parameter',
  'misdirected_request',
  'not_acceptable',
  'not_allowed',
  'not_modified',
  'server_busy',
  'unauthorizedrequest',
  'unknown',
] as const;

export type ImsxCodeMinor = (typeof IMSX_CODE_MINORS)[number];

/** OB 3.0's error body for its resource endpoints (the API mandates it in place of problem+json). */
export interface ImsxStatusInfo {
  readonly imsx_codeMajor: 'failure' | 'processing' | 'success' | 'unsupported';
  readonly imsx_severity: 'error' | 'status' | 'warning';
  readonly imsx_description?: string;
  readonly imsx_codeMinor?: {
    readonly imsx_codeMinorField: readonly {
      readonly imsx_codeMinorFieldName: string;
      readonly imsx_codeMinorFieldValue: ImsxCodeMinor;
    }[];
  };
}

const MINOR_BY_STATUS: Readonly<Record<number, ImsxCodeMinor>> = {
  400: 'invalid_data',
  401: 'unauthorizedrequest',
  403: 'forbidden',
  404: 'unknown',
  405: 'not_allowed',
  406: 'not_acceptable',
  413: 'invalid_data',
  415: 'not_acceptable',
  429: 'server_busy',
  500: 'internal_server_error',
  503: 'server_busy',
};

export function imsxStatus(description: string, minor: ImsxCodeMinor): ImsxStatusInfo {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor }],
    },
  };
}

/**
 * An error of an OB API resource endpoint as Imsx_StatusInfo, with the status the platform's one table
 * gives its code; a 401 or 403 says, as RFC 6750 §3 asks, what was wrong with the token.
 */
export function renderImsxError(
  c: Context<PublicEnv>,
  error: unknown,
  options: { readonly minor?: ImsxCodeMinor; readonly requiredScope?: string } = {},
): Response {
  const { problem, internal } = toProblem(error, { instance: c.req.path });
  const logger = c.get('logger') as PublicEnv['Variables']['logger'] | undefined;
  if (internal) logger?.error({ err: error, code: problem.code }, 'request failed');
  else logger?.debug({ code: problem.code, detail: problem.detail }, 'request refused');
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (problem.status === 401)
    headers['WWW-Authenticate'] =
      c.req.header('Authorization') === undefined
        ? 'Bearer realm="microcred"'
        : 'Bearer realm="microcred", error="invalid_token"';
  if (problem.status === 403 && options.requiredScope !== undefined)
    headers['WWW-Authenticate'] =
      `Bearer realm="microcred", error="insufficient_scope", scope="${options.requiredScope}"`;
  const minor = options.minor ?? MINOR_BY_STATUS[problem.status] ?? 'unknown';
  return c.json(imsxStatus(problem.detail, minor), problem.status as ContentfulStatusCode, headers);
}
