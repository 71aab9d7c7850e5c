import { timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import type { ObApiClient } from '../ports/index.js';
import { OAuthError } from './oauth-error.js';

/** How a client identified itself at the token or revocation endpoint (RFC 6749 §2.3.1). */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string | null;
  /** `basic`: the Authorization header; `post`: form fields; `none`: a public client's client_id alone. */
  readonly via: 'basic' | 'post' | 'none';
}

function sameHash(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The client these credentials prove, by the method it registered; `invalid_client` otherwise. */
export async function authenticateClient(
  context: PlatformContext,
  credentials: ClientCredentials | null,
): Promise<ObApiClient> {
  if (credentials === null) throw new OAuthError('invalid_client', 'client authentication is required');
  const client = await context.storage.obApi.findClient({ clientId: credentials.clientId });
  if (client === null) throw new OAuthError('invalid_client', 'unknown client');
  if (client.tokenEndpointAuthMethod === 'none') {
    if (credentials.clientSecret !== null)
      throw new OAuthError('invalid_client', 'this client was registered without a secret');
    return client;
  }
  const expectedVia = client.tokenEndpointAuthMethod === 'client_secret_basic' ? 'basic' : 'post';
  if (
    credentials.via !== expectedVia ||
    credentials.clientSecret === null ||
    client.secretHash === null ||
    !sameHash(credentials.clientSecret, client.secretHash)
  )
    throw new OAuthError('invalid_client', 'client authentication failed');
  return client;
}
