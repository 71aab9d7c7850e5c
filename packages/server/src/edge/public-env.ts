import type { Logger } from 'pino';
import type { Actor } from '../domain/auth/actor.js';
import type { RateLimiter } from '../domain/rate-limit/create-rate-limiter.js';

/** What every request carries, API call or page, set by the app's first middleware. */
export interface PublicEnv {
  Variables: {
    requestId: string;
    /** The app logger bound to this request's id. */
    logger: Logger;
    /**
     * Who the bearer token names, resolved before any body is read; null without a (valid) token. Unset
     * outside `createServerApp` (a router used on its own).
     */
    caller: Actor | null;
    /** The app's rate limits (unset outside `createServerApp`: nothing is limited). */
    rateLimiter: RateLimiter;
    /** The client's network address (see `clientAddress`), the key of per-client limits. */
    clientAddress: string;
  };
}
