import { hashSecret, newSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import type { Repositories } from '../ports/index.js';
import { OB_LIFETIMES_MS } from './ob-api-scopes.js';

/** RFC 6749 §5.1's successful token response. */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly scope: string;
}

/** A fresh access token and refresh token under a grant; only their hashes are stored. */
export async function issueTokens(
  repositories: Repositories,
  context: Pick<PlatformContext, 'now'>,
  grant: { readonly grantId: string; readonly scope: string },
): Promise<TokenResponse> {
  const now = context.now().getTime();
  const accessToken = newSecret();
  const refreshToken = newSecret();
  for (const [kind, secret] of [
    ['access', accessToken],
    ['refresh', refreshToken],
  ] as const) {
    await repositories.obApi.insertToken({
      tokenHash: hashSecret(secret),
      kind,
      grantId: grant.grantId,
      scope: grant.scope,
      codeChallenge: null,
      redirectUri: null,
      expiresAt: new Date(now + OB_LIFETIMES_MS[kind]),
    });
  }
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: OB_LIFETIMES_MS.access / 1000,
    refresh_token: refreshToken,
    scope: grant.scope,
  };
}
