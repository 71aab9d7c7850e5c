import { hashSecret } from '../earner/email-links.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import { type ObScope, splitScope } from './ob-api-scopes.js';

/** Who an OB API access token acts for, and what it may do. */
export interface ObApiCaller {
  readonly earnerId: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/**
 * The earner and scopes of a bearer access token: UNAUTHORIZED when it is unknown, expired, revoked, or
 * its grant was (the earner disconnected the app, or a code or refresh token was replayed).
 */
export async function authenticateObToken(context: PlatformContext, token: string): Promise<ObApiCaller> {
  const found = await context.storage.obApi.findToken({ tokenHash: hashSecret(token) });
  if (
    found === null ||
    found.token.kind !== 'access' ||
    found.token.revokedAt !== null ||
    found.grant.revokedAt !== null ||
    found.token.expiresAt <= context.now()
  )
    throw new ServerError(ServerErrorCode.UNAUTHORIZED, 'the access token is not valid, or was revoked');
  return {
    earnerId: found.grant.earnerId,
    clientId: found.grant.clientId,
    scopes: splitScope(found.token.scope),
  };
}

/** FORBIDDEN (403, `insufficient_scope`) unless the token carries `scope`. */
export function assertObScope(caller: ObApiCaller, scope: ObScope): void {
  if (!caller.scopes.includes(scope))
    throw new ServerError(ServerErrorCode.FORBIDDEN, `this access token lacks the scope ${scope}`);
}
