import type { Context } from 'hono';
import { ServerErrorCode } from '../../domain/error/server-error.js';
import type { PublicEnv } from '../public-env.js';
import { PROBLEM_MEDIA_TYPE } from './problem-schema.js';
import { toProblem } from './to-problem.js';

/**
 * The one place an error becomes a response: RFC 9457 problem+json. Internal errors are logged with
 * their cause and answered with a generic detail; expected ones (4xx) are logged at debug level only.
 */
export function renderProblem(c: Context<PublicEnv>, error: unknown): Response {
  const requestId = c.get('requestId') as string | undefined;
  const { problem, internal } = toProblem(error, {
    instance: c.req.path,
    ...(requestId === undefined ? {} : { requestId }),
  });
  const logger = c.get('logger') as PublicEnv['Variables']['logger'] | undefined;
  if (internal) logger?.error({ err: error, code: problem.code }, 'request failed');
  else logger?.debug({ code: problem.code, detail: problem.detail }, 'request refused');

  const headers: Record<string, string> = {
    'Content-Type': PROBLEM_MEDIA_TYPE,
    // A problem is about this request only: never let a cache keep it in place of the resource.
    'Cache-Control': 'no-store',
  };
  if (problem.code === ServerErrorCode.UNAUTHORIZED) {
    // RFC 6750 §3: say which scheme to use, and whether the token presented was the problem.
    headers['WWW-Authenticate'] =
      c.req.header('Authorization') === undefined
        ? 'Bearer realm="microcred"'
        : 'Bearer realm="microcred", error="invalid_token"';
  }
  return c.body(JSON.stringify(problem), problem.status as 400, headers);
}
