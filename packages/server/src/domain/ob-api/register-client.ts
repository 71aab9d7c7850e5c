import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashSecret, newSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import type { ObApiClient } from '../ports/index.js';
import { OAuthError } from './oauth-error.js';
import { isObScope, joinScope, splitScope } from './ob-api-scopes.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An https URL, or plain http on a loopback host (RFC 8252 §7.3: a native or local client's redirect
 * reaches only the person's own machine, so there is nothing to intercept).
 */
function clientUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') return null;
  if (url.protocol === 'https:') return url;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url : null;
}

const Url = z.string().trim().min(1).max(2048);

const RegistrationSchema = z.object({
  client_name: z.string().trim().min(1).max(200),
  client_uri: Url,
  logo_uri: Url,
  tos_uri: Url,
  policy_uri: Url,
  software_id: z.string().trim().min(1).max(200),
  software_version: z.string().trim().min(1).max(100),
  redirect_uris: z.array(Url).min(1).max(10),
  scope: z.string().trim().min(1).max(1000),
  token_endpoint_auth_method: z.enum(['none', 'client_secret_basic', 'client_secret_post']).optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
});

/** What RFC 7591 §3.2.1 answers: the client's id (and secret), with the metadata as registered. */
export interface ClientRegistration {
  readonly client: ObApiClient;
  /** Shown once; only its hash is kept. Null for a public client. */
  readonly clientSecret: string | null;
}

/**
 * Registers a client (RFC 7591), as OB 3.0 §"Dynamic Client Registration" profiles it: every metadata
 * URL https and on one host name, so the consent page can name that host and the redirect cannot point
 * elsewhere; only OB 3.0 scopes; the authorization code grant with refresh. A client that asks for no
 * secret (`token_endpoint_auth_method: none`) is public and relies on PKCE alone.
 */
export async function registerClient(context: PlatformContext, raw: unknown): Promise<ClientRegistration> {
  const parsed = RegistrationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OAuthError(
      'invalid_client_metadata',
      `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not a client registration'}`,
    );
  }
  const input = parsed.data;
  if (input.grant_types?.some((grant) => grant !== 'authorization_code' && grant !== 'refresh_token'))
    throw new OAuthError('invalid_client_metadata', 'grant_types: only authorization_code and refresh_token');
  if (input.response_types?.some((type) => type !== 'code'))
    throw new OAuthError('invalid_client_metadata', 'response_types: only code');
  const scopes = splitScope(input.scope);
  const unknown = scopes.find((scope) => !isObScope(scope));
  if (unknown !== undefined)
    throw new OAuthError('invalid_client_metadata', `scope: ${unknown} is not an Open Badges 3.0 scope`);

  const clientUri = clientUrl(input.client_uri);
  if (clientUri === null)
    throw new OAuthError('invalid_client_metadata', 'client_uri: an https URL is required');
  for (const [field, value] of [
    ['logo_uri', input.logo_uri],
    ['tos_uri', input.tos_uri],
    ['policy_uri', input.policy_uri],
  ] as const) {
    const url = clientUrl(value);
    if (url === null || url.hostname !== clientUri.hostname)
      throw new OAuthError(
        'invalid_client_metadata',
        `${field}: an https URL on the client's host, ${clientUri.hostname}, is required`,
      );
  }
  for (const value of input.redirect_uris) {
    const url = clientUrl(value);
    if (url === null || url.hostname !== clientUri.hostname)
      throw new OAuthError(
        'invalid_redirect_uri',
        `redirect_uris: ${value} is not an https URL on the client's host, ${clientUri.hostname}`,
      );
  }

  const method = input.token_endpoint_auth_method ?? 'client_secret_basic';
  const clientSecret = method === 'none' ? null : newSecret();
  const client = await context.storage.obApi.insertClient({
    clientId: randomBytes(18).toString('base64url'),
    secretHash: clientSecret === null ? null : hashSecret(clientSecret),
    name: input.client_name,
    clientUri: input.client_uri,
    logoUri: input.logo_uri,
    tosUri: input.tos_uri,
    policyUri: input.policy_uri,
    softwareId: input.software_id,
    softwareVersion: input.software_version,
    redirectUris: input.redirect_uris,
    scope: joinScope(scopes),
    tokenEndpointAuthMethod: method,
  });
  return { client, clientSecret };
}
