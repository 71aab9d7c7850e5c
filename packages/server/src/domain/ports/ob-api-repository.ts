/** A platform registered by OAuth 2.0 Dynamic Client Registration (RFC 7591) to use the OB 3.0 API. */
export interface ObApiClient {
  /** The `client_id` given at registration (random, public). */
  readonly clientId: string;
  /** SHA-256 of the client secret; null for a public client (`token_endpoint_auth_method: none`). */
  readonly secretHash: string | null;
  readonly name: string;
  readonly clientUri: string;
  readonly logoUri: string | null;
  readonly tosUri: string | null;
  readonly policyUri: string | null;
  readonly softwareId: string | null;
  readonly softwareVersion: string | null;
  readonly redirectUris: readonly string[];
  /** The scopes it registered for, space-separated: it is never granted more. */
  readonly scope: string;
  readonly tokenEndpointAuthMethod: 'none' | 'client_secret_basic' | 'client_secret_post';
  readonly createdAt: Date;
}

/** One earner's consent to one client, with the scopes granted; every code and token hangs off one. */
export interface ObApiGrant {
  readonly id: string;
  readonly clientId: string;
  readonly earnerId: string;
  readonly scope: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export const OB_API_TOKEN_KINDS = ['code', 'access', 'refresh'] as const;
export type ObApiTokenKind = (typeof OB_API_TOKEN_KINDS)[number];

/** An authorization code, access token or refresh token, known by its hash only. */
export interface ObApiToken {
  readonly tokenHash: string;
  readonly kind: ObApiTokenKind;
  readonly grantId: string;
  readonly scope: string;
  /** Codes only: the PKCE S256 challenge and the redirect URI the code was sent to. */
  readonly codeChallenge: string | null;
  readonly redirectUri: string | null;
  readonly expiresAt: Date;
  /** A code or refresh token once exchanged (both are single-use). */
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** A token with the grant it belongs to. */
export interface ObApiTokenWithGrant {
  readonly token: ObApiToken;
  readonly grant: ObApiGrant;
}

/** A client an earner connected, for their settings. */
export interface ConnectedApp {
  readonly client: ObApiClient;
  /** The scopes of the earner's live grants to it, merged. */
  readonly scopes: readonly string[];
  readonly connectedAt: Date;
}

/** OAuth clients, grants and tokens of the OB 3.0 API (the Host role). */
export interface ObApiRepository {
  insertClient(client: Omit<ObApiClient, 'createdAt'>): Promise<ObApiClient>;
  findClient(options: { readonly clientId: string }): Promise<ObApiClient | null>;
  insertGrant(grant: Pick<ObApiGrant, 'clientId' | 'earnerId' | 'scope'>): Promise<ObApiGrant>;
  insertToken(token: Omit<ObApiToken, 'usedAt' | 'revokedAt'>): Promise<void>;
  /** The token by hash, with its grant (null when unknown). */
  findToken(options: { readonly tokenHash: string }): Promise<ObApiTokenWithGrant | null>;
  /**
   * Marks a code or refresh token used, once: the token with its grant when this call used it, null when
   * it is unknown, of another kind, or already used (a second exchange finds nothing).
   */
  useToken(options: {
    readonly tokenHash: string;
    readonly kind: 'code' | 'refresh';
    readonly at: Date;
  }): Promise<ObApiTokenWithGrant | null>;
  revokeToken(options: { readonly tokenHash: string; readonly at: Date }): Promise<void>;
  /** Revokes a grant: every token issued under it stops working. */
  revokeGrant(options: { readonly grantId: string; readonly at: Date }): Promise<void>;
  /** Revokes every live grant an earner gave a client; returns how many. */
  revokeClient(options: {
    readonly earnerId: string;
    readonly clientId: string;
    readonly at: Date;
  }): Promise<number>;
  /** The clients an earner has live grants to, most recent first. */
  listConnected(options: { readonly earnerId: string }): Promise<ConnectedApp[]>;
}
