import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Platform } from '../../domain/platform.js';
import { OPENID4VCI_PATHS } from '../../domain/wallet/issuer-metadata.js';
import { OpenIdError } from '../../domain/wallet/openid-error.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { enforceRateLimit } from '../../edge/rate-limits.js';
import { renderOAuthRateLimit } from '../render-oauth-rate-limit.js';

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** The protocol's own error body (RFC 6749 §5.2, OpenID4VCI 1.0 §8.3.1.2), never problem+json. */
function openIdError(c: Context, error: OpenIdError): Response {
  c.header('Cache-Control', 'no-store');
  if (error.error === 'invalid_token') {
    // RFC 6750 §3: a refused bearer token is answered with its challenge.
    c.header('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.message}"`);
  }
  return c.json({ error: error.error, error_description: error.message }, error.status);
}

async function answer(
  c: Context<PublicEnv>,
  work: () => Promise<unknown>,
  status: 200 | 201 = 200,
): Promise<Response> {
  try {
    const body = await work();
    c.header('Cache-Control', 'no-store');
    return c.json(body, status);
  } catch (error) {
    if (error instanceof OpenIdError) return openIdError(c, error);
    return renderOAuthRateLimit(c, error);
  }
}

/**
 * Counts a use of a wallet secret (a pre-authorized code, an access token) under `wallet-secret`: each
 * belongs to one offer, so this bounds what can be tried against one offer from any number of addresses.
 */
async function countSecretUse(c: Context<PublicEnv>, kind: string, secret: string | undefined | null) {
  if (secret !== undefined && secret !== null && secret !== '')
    await enforceRateLimit(c, 'wallet-secret', `${kind}:${secret}`);
}

function formValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * OpenID4VCI 1.0 (pre-authorized code flow) at the paths its metadata declares: the Credential Issuer
 * and Authorization Server metadata, offers by reference, the token, nonce and credential endpoints.
 */
export function openId4VciRoutes(options: { readonly platform: Platform }): Hono<PublicEnv> {
  const { platform } = options;
  const routes = new Hono<PublicEnv>();

  routes.get('/.well-known/openid-credential-issuer', (c) => c.json(platform.wallet.issuerMetadata()));
  routes.get('/.well-known/oauth-authorization-server', (c) =>
    c.json(platform.wallet.authorizationServerMetadata()),
  );

  routes.get(`${OPENID4VCI_PATHS.offer}/:id`, async (c) => {
    const offer = await platform.wallet.viewOffer(c.req.param('id'));
    // The offer holds a live code: no cache may keep it.
    c.header('Cache-Control', 'no-store');
    return c.json(offer);
  });

  routes.post(OPENID4VCI_PATHS.token, (c) =>
    answer(c, async () => {
      // RFC 6749 §4.1.3: form-encoded parameters.
      if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '')) {
        throw new OpenIdError(
          'invalid_request',
          'send the token request as application/x-www-form-urlencoded',
        );
      }
      const form = await c.req.parseBody();
      await countSecretUse(c, 'pre-authorized-code', formValue(form['pre-authorized_code']));
      return platform.wallet.token({
        grant_type: formValue(form.grant_type),
        'pre-authorized_code': formValue(form['pre-authorized_code']),
        tx_code: formValue(form.tx_code),
      });
    }),
  );

  routes.post(OPENID4VCI_PATHS.nonce, (c) => answer(c, () => platform.wallet.nonce()));

  routes.post(OPENID4VCI_PATHS.credential, (c) =>
    answer(c, async () => {
      const accessToken = BEARER.exec(c.req.header('Authorization') ?? '')?.[1] ?? null;
      await countSecretUse(c, 'access-token', accessToken);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        body = undefined;
      }
      return platform.wallet.deliver({ accessToken, body });
    }),
  );
  return routes;
}
