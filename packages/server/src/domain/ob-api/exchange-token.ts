import { hashSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import type { ObApiTokenWithGrant } from '../ports/index.js';
import { authenticateClient, type ClientCredentials } from './authenticate-client.js';
import { matchesChallenge } from './authorize-client.js';
import { issueTokens, type TokenResponse } from './issue-tokens.js';
import { OAuthError } from './oauth-error.js';
import { joinScope, splitScope } from './ob-api-scopes.js';

/** The token request's form fields (RFC 6749 §4.1.3 and §6), as received. */
export interface TokenForm {
  readonly grant_type?: string | undefined;
  readonly code?: string | undefined;
  readonly redirect_uri?: string | undefined;
  readonly code_verifier?: string | undefined;
  readonly refresh_token?: string | undefined;
  readonly scope?: string | undefined;
}

const invalidGrant = (message: string) => new OAuthError('invalid_grant', message);

/** The scope asked for, which may narrow what was granted but never widen it (RFC 6749 §6). */
function narrowed(granted: string, asked: string | undefined): string {
  if (asked === undefined) return granted;
  const allowed = splitScope(granted);
  const scopes = splitScope(asked);
  if (scopes.length === 0 || scopes.some((scope) => !allowed.includes(scope)))
    throw new OAuthError('invalid_scope', 'the scope asked for is wider than the one granted');
  return joinScope(scopes);
}

/**
 * A second use of a single-use code or refresh token means it leaked (or a replay): the grant it came
 * from is revoked, so the tokens already issued from it stop working too (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 */
async function refuseReuse(context: PlatformContext, tokenHash: string, clientId: string): Promise<never> {
  const known = await context.storage.obApi.findToken({ tokenHash });
  if (known !== null && known.token.usedAt !== null && known.grant.clientId === clientId)
    await context.storage.obApi.revokeGrant({ grantId: known.grant.id, at: context.now() });
  throw invalidGrant('the code or refresh token is not valid, or was already used');
}

function assertLive(context: PlatformContext, used: ObApiTokenWithGrant, clientId: string): void {
  if (used.grant.clientId !== clientId) throw invalidGrant('this was issued to another client');
  if (used.grant.revokedAt !== null || used.token.revokedAt !== null)
    throw invalidGrant('this authorization was revoked');
  if (used.token.expiresAt <= context.now()) throw invalidGrant('this has expired');
}

/** The token endpoint: an authorization code (with its PKCE verifier) or a refresh token, for tokens. */
export async function exchangeToken(
  context: PlatformContext,
  credentials: ClientCredentials | null,
  form: TokenForm,
): Promise<TokenResponse> {
  const client = await authenticateClient(context, credentials);
  const now = context.now();
  if (form.grant_type === 'authorization_code') {
    if (form.code === undefined || form.redirect_uri === undefined || form.code_verifier === undefined)
      throw new OAuthError('invalid_request', 'code, redirect_uri and code_verifier are required');
    const tokenHash = hashSecret(form.code);
    const used = await context.storage.obApi.useToken({ tokenHash, kind: 'code', at: now });
    if (used === null) return refuseReuse(context, tokenHash, client.clientId);
    assertLive(context, used, client.clientId);
    if (used.token.redirectUri !== form.redirect_uri)
      throw invalidGrant('redirect_uri differs from the one the code was sent to');
    if (used.token.codeChallenge === null || !matchesChallenge(form.code_verifier, used.token.codeChallenge))
      throw invalidGrant('the PKCE code_verifier does not match the code_challenge');
    const scope = narrowed(used.token.scope, form.scope);
    return context.storage.transaction((repositories) =>
      issueTokens(repositories, context, { grantId: used.grant.id, scope }),
    );
  }
  if (form.grant_type === 'refresh_token') {
    if (form.refresh_token === undefined)
      throw new OAuthError('invalid_request', 'refresh_token is required');
    const tokenHash = hashSecret(form.refresh_token);
    // Rotation: the refresh token is used up here, and the answer carries its successor.
    const used = await context.storage.obApi.useToken({ tokenHash, kind: 'refresh', at: now });
    if (used === null) return refuseReuse(context, tokenHash, client.clientId);
    assertLive(context, used, client.clientId);
    const scope = narrowed(used.token.scope, form.scope);
    return context.storage.transaction((repositories) =>
      issueTokens(repositories, context, { grantId: used.grant.id, scope }),
    );
  }
  throw new OAuthError(
    form.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type',
    'grant_type must be authorization_code or refresh_token',
  );
}

/**
 * RFC 7009 revocation by the client the token was issued to. Revoking a refresh token ends the whole
 * grant (its access tokens too, as §2.1 allows); revoking an access token ends that token. An unknown
 * token, or another client's, is answered alike, so a client learns nothing about tokens not its own.
 */
export async function revokeObToken(
  context: PlatformContext,
  credentials: ClientCredentials | null,
  form: { readonly token?: string | undefined; readonly token_type_hint?: string | undefined },
): Promise<void> {
  const client = await authenticateClient(context, credentials);
  if (form.token === undefined || form.token === '')
    throw new OAuthError('invalid_request', 'token is required');
  const tokenHash = hashSecret(form.token);
  const found = await context.storage.obApi.findToken({ tokenHash });
  if (found === null || found.grant.clientId !== client.clientId) return;
  if (found.token.kind === 'refresh')
    await context.storage.obApi.revokeGrant({ grantId: found.grant.id, at: context.now() });
  else await context.storage.obApi.revokeToken({ tokenHash, at: context.now() });
}
