import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../domain/auth/actor.js';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { RateLimiter } from '../domain/rate-limit/create-rate-limiter.js';
import type { RateLimitName } from '../domain/rate-limit/rate-limit-rules.js';
import { clientAddress } from './client-address.js';
import type { PublicEnv } from './public-env.js';

/**
 * A per-client limit on what anonymous clients can make us do that costs something (send mail, use an
 * emailed link's secret, verify, import): the API and the pages each list their own.
 */
export interface ClientLimit {
  readonly methods: readonly string[];
  readonly path: RegExp;
  readonly name: RateLimitName;
  /** Only when this query parameter is present (`GET /verify?url=` verifies; `GET /verify` is the form). */
  readonly query?: string;
  /**
   * The 429 in the protocol's own error shape (OAuth's `{"error": …}`, OB 3.0's Imsx_StatusInfo), for
   * endpoints whose clients parse no problem+json; absent, the app's error handler answers.
   */
  readonly respond?: (c: Context<PublicEnv>, error: ServerError) => Response;
}

/** The key of per-key limits: the API key, or the administrator token (which has no key id). */
export function keyOf(actor: Actor): string {
  return actor.apiKeyId ?? 'admin-token';
}

/**
 * Applies the rate limits that depend only on who asks and where: per API key for requests with a valid
 * token (bulk uploads once more under their own limit), per client address otherwise. Runs after
 * `authenticateCaller` and before any body is read. Leaves the limiter on the context for the routes'
 * per-address limits.
 */
export function rateLimits(options: {
  readonly limiter: RateLimiter;
  readonly trustProxy: number;
  /**
   * Limits per client address for anonymous requests (the first that matches counts). Per-address limits
   * (one inbox) are applied by the routes, which know the address only after reading the form.
   */
  readonly clientLimits: readonly ClientLimit[];
  /** Whether this request is a bulk upload (counted under `bulk-upload-key` as well). */
  readonly isBulkUpload: (c: Context) => boolean;
}): MiddlewareHandler<PublicEnv> {
  const { limiter } = options;
  return async (c, next) => {
    c.set('rateLimiter', limiter);
    c.set('clientAddress', clientAddress(c, { trustProxy: options.trustProxy }));
    const caller = c.get('caller');
    if (caller !== null && caller !== undefined) {
      await enforceRateLimit(c, 'api-key', keyOf(caller));
      if (options.isBulkUpload(c)) await enforceRateLimit(c, 'bulk-upload-key', keyOf(caller));
    } else {
      const limit = options.clientLimits.find(
        (entry) =>
          entry.methods.includes(c.req.method) &&
          entry.path.test(c.req.path) &&
          (entry.query === undefined || (c.req.query(entry.query) ?? '').trim() !== ''),
      );
      if (limit !== undefined) {
        try {
          await enforceRateLimit(c, limit.name, c.get('clientAddress'));
        } catch (error) {
          if (limit.respond !== undefined && error instanceof ServerError) return limit.respond(c, error);
          throw error;
        }
      }
    }
    await next();
  };
}

/**
 * Counts this request (as `cost`, default 1: a batch counts its items) under `name` for `key`, or answers
 * 429 `RATE_LIMITED` with `Retry-After`. Does nothing outside `createServerApp` (no limiter on the context).
 */
export async function enforceRateLimit<E extends PublicEnv>(
  c: Context<E>,
  name: RateLimitName,
  key: string,
  cost = 1,
): Promise<void> {
  const limiter = c.get('rateLimiter') as RateLimiter | undefined;
  if (limiter === undefined) return;
  const decision = await limiter.take(name, key, cost);
  if (decision.allowed) return;
  const seconds = decision.retryAfterSeconds;
  // Set before throwing: the error handlers build their response on this context, headers included.
  c.header('Retry-After', String(seconds));
  throw new ServerError(
    ServerErrorCode.RATE_LIMITED,
    `${cost === 1 ? 'too many requests' : `too many items (this request has ${cost})`}; try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
    { details: { limit: name, retryAfterSeconds: seconds, ...(cost === 1 ? {} : { items: cost }) } },
  );
}
