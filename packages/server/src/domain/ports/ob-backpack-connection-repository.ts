/**
 * An earner's pull from another OB 3.0 host, between sending them there and their return: what the
 * return needs to finish it. Known by the hash of its `state`; lives 10 minutes and is used once.
 */
export interface ObBackpackConnection {
  readonly stateHash: string;
  readonly earnerId: string;
  /** The other host's origin, for the pages. */
  readonly host: string;
  readonly tokenUrl: string;
  readonly credentialsUrl: string;
  readonly clientId: string;
  /** The secret the other host gave at registration (null for a public client); gone within minutes. */
  readonly clientSecret: string | null;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly expiresAt: Date;
}

export interface ObBackpackConnectionRepository {
  insert(connection: ObBackpackConnection): Promise<void>;
  /** Removes and returns the earner's unexpired connection with this state (null otherwise): used once. */
  take(options: {
    readonly stateHash: string;
    readonly earnerId: string;
    readonly at: Date;
  }): Promise<ObBackpackConnection | null>;
}
