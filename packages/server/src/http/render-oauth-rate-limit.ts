import type { Context } from 'hono';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { PublicEnv } from '../edge/public-env.js';

/**
 * A rate limit refusal at an OAuth 2.0 or OpenID4VCI endpoint, in the error object their clients parse
 * (RFC 6749 §5.2): 429 with `Retry-After` (already on the context, RFC 6585 §4) says what happened; the code
 * is `temporarily_unavailable`, OAuth's registered "try again later" (RFC 6749 §4.1.2.1; the token
 * endpoint's own list has none for it). Anything but a rate limit is not ours to render.
 */
export function renderOAuthRateLimit(c: Context<PublicEnv>, error: unknown): Response {
  if (!(error instanceof ServerError) || error.code !== ServerErrorCode.RATE_LIMITED) throw error;
  return c.json({ error: 'temporarily_unavailable', error_description: error.message }, 429, {
    'Cache-Control': 'no-store',
  });
}
