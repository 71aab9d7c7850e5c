import { createHash } from 'node:crypto';
import { hashSecret, newSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import type { ObApiClient } from '../ports/index.js';
import { OAuthError } from './oauth-error.js';
import { joinScope, OB_LIFETIMES_MS, splitScope } from './ob-api-scopes.js';

/** The query of an authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636 §4.3), as received. */
export interface AuthorizationQuery {
  readonly response_type?: string | undefined;
  readonly client_id?: string | undefined;
  readonly redirect_uri?: string | undefined;
  readonly scope?: string | undefined;
  readonly state?: string | undefined;
  readonly code_challenge?: string | undefined;
  readonly code_challenge_method?: string | undefined;
}

/** A request found acceptable: what the consent page shows and what approving it grants. */
export interface AuthorizationRequest {
  readonly client: ObApiClient;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge: string;
}

/**
 * A refusal to send back to the client at its (registered) redirect URI, per RFC 6749 §4.1.2.1. A
 * request whose client or redirect URI is unknown is refused with a plain `OAuthError` instead: sending
 * the browser to an unregistered address would make this server an open redirector.
 */
export class AuthorizationRefused extends OAuthError {
  readonly redirectTo: string;

  constructor(request: { redirectUri: string; state: string | undefined }, error: OAuthError) {
    super(error.code, error.message);
    this.redirectTo = withQuery(request.redirectUri, {
      error: error.code,
      error_description: error.message,
      ...(request.state === undefined ? {} : { state: request.state }),
    });
  }
}

function withQuery(uri: string, fields: Readonly<Record<string, string>>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  return url.toString();
}

// RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is 43 characters.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Checks an authorization request before the earner is asked; throws what to answer otherwise. */
export async function checkAuthorization(
  context: PlatformContext,
  query: AuthorizationQuery,
): Promise<AuthorizationRequest> {
  const client =
    query.client_id === undefined
      ? null
      : await context.storage.obApi.findClient({ clientId: query.client_id });
  if (client === null) throw new OAuthError('invalid_request', 'unknown client_id');
  // Exact string comparison (RFC 9700 §4.1.3): no prefix or pattern matching of redirect URIs.
  if (query.redirect_uri === undefined || !client.redirectUris.includes(query.redirect_uri))
    throw new OAuthError('invalid_request', 'redirect_uri is not one this client registered');
  const back = { redirectUri: query.redirect_uri, state: query.state };
  const refuse = (code: OAuthError['code'], message: string) =>
    new AuthorizationRefused(back, new OAuthError(code, message));
  if (query.response_type !== 'code') throw refuse('unsupported_response_type', 'response_type must be code');
  if (query.state === undefined || query.state === '' || query.state.length > 1000)
    throw refuse('invalid_request', 'state is required');
  if (query.code_challenge_method !== 'S256' || !S256_CHALLENGE.test(query.code_challenge ?? ''))
    throw refuse('invalid_request', 'PKCE is required: code_challenge with code_challenge_method S256');
  const registered = splitScope(client.scope);
  const asked = query.scope === undefined ? registered : splitScope(query.scope);
  const beyond = asked.find((scope) => !registered.includes(scope));
  if (asked.length === 0 || beyond !== undefined)
    throw refuse('invalid_scope', `${beyond ?? 'scope'} is not a scope this client registered`);
  return {
    client,
    redirectUri: query.redirect_uri,
    scopes: asked,
    state: query.state,
    codeChallenge: query.code_challenge ?? '',
  };
}

/**
 * The earner's answer to the consent page. Allowed: a grant and a single-use code (600 s) bound to the
 * PKCE challenge and redirect URI; denied: `access_denied`. Either way, the address to send them back to.
 */
export async function answerAuthorization(
  context: PlatformContext,
  earnerId: string,
  query: AuthorizationQuery,
  allow: boolean,
): Promise<string> {
  const request = await checkAuthorization(context, query);
  if (!allow)
    return new AuthorizationRefused(
      request,
      new OAuthError('access_denied', 'the account holder did not allow access'),
    ).redirectTo;
  const code = newSecret();
  const scope = joinScope(request.scopes);
  await context.storage.transaction(async (repositories) => {
    const grant = await repositories.obApi.insertGrant({
      clientId: request.client.clientId,
      earnerId,
      scope,
    });
    await repositories.obApi.insertToken({
      tokenHash: hashSecret(code),
      kind: 'code',
      grantId: grant.id,
      scope,
      codeChallenge: request.codeChallenge,
      redirectUri: request.redirectUri,
      expiresAt: new Date(context.now().getTime() + OB_LIFETIMES_MS.code),
    });
  });
  return withQuery(request.redirectUri, { code, scope, state: request.state });
}

/** RFC 7636 §4.6: whether this verifier is the one the challenge was made from. */
export function matchesChallenge(verifier: string, challenge: string): boolean {
  // §4.1: 43 to 128 unreserved characters; anything else cannot have made a challenge.
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === challenge;
}
