import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { MiddlewareHandler } from 'hono';
import { assertScope, requiredScope } from '../../domain/auth/api-scopes.js';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';

// RFC 6750 §2.1: the scheme is case-insensitive. The token is any run of visible characters, not only
// b64token ones: MICROCRED_ADMIN_TOKEN is whatever the operator chose.
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/**
 * Resolves `Authorization: Bearer <token>` to the acting `Actor`, or answers 401. What the actor may
 * do is decided by the use cases, not here.
 */
export function bearerAuth(options: { platform: Platform }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      throw new MicrocredError(ErrorCode.UNAUTHORIZED, 'send an API key as `Authorization: Bearer <token>`');
    }
    const token = BEARER.exec(header)?.[1];
    const actor = token === undefined ? null : await options.platform.authenticate(token);
    if (actor === null) {
      throw new MicrocredError(ErrorCode.UNAUTHORIZED, 'the bearer token is not valid, or was revoked');
    }
    assertScope(actor, requiredScope({ path: c.req.path, method: c.req.method }));
    c.set('actor', actor);
    await next();
  };
}
