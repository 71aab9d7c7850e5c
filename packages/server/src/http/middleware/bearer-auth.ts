import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import { assertScope, requiredScope } from '../../domain/auth/api-scopes.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
import type { ApiEnv } from '../app-env.js';

// RFC 6750 §2.1: the scheme is case-insensitive. The token is any run of visible characters, not only
// b64token ones: MICROCRED_ADMIN_TOKEN is whatever the operator chose.
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

const MISSING = 'send an API key as `Authorization: Bearer <token>`';
const INVALID = 'the bearer token is not valid, or was revoked';

async function actorOf(platform: Platform, header: string | undefined): Promise<Actor | null> {
  if (header === undefined) return null;
  const token = BEARER.exec(header)?.[1];
  return token === undefined ? null : platform.authenticate(token);
}

/**
 * Resolves the bearer token of every request into `caller`, first, before anything reads a body: where
 * `required` says a token is needed (the API), a request without a valid one is answered 401 at once, so
 * an anonymous client cannot make the server read, buffer or parse what it sends. Elsewhere a missing or
 * invalid token leaves the caller anonymous (null).
 */
export function authenticateCaller(options: {
  readonly platform: Platform;
  readonly required: (c: Context) => boolean;
}): MiddlewareHandler<PublicEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const required = options.required(c);
    const actor = await actorOf(options.platform, header);
    if (required) {
      if (actor === null)
        throw new ServerError(ServerErrorCode.UNAUTHORIZED, header === undefined ? MISSING : INVALID);
      assertScope(actor, requiredScope({ path: c.req.path, method: c.req.method }));
    }
    c.set('caller', actor);
    await next();
  };
}

/**
 * The acting `Actor` of an API route: the caller `authenticateCaller` resolved (or, for a router used on
 * its own, the bearer token read here), or 401. What the actor may do is decided by the use cases.
 */
export function bearerAuth(options: { readonly platform: Platform }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const actor = (c.get('caller') as Actor | null | undefined) ?? (await actorOf(options.platform, header));
    if (actor === null)
      throw new ServerError(ServerErrorCode.UNAUTHORIZED, header === undefined ? MISSING : INVALID);
    assertScope(actor, requiredScope({ path: c.req.path, method: c.req.method }));
    c.set('actor', actor);
    await next();
  };
}
