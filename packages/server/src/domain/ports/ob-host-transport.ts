/** What one request to another OB 3.0 host answered. */
export interface ObHostAnswer {
  readonly status: number;
  /** The media type, lower case, without parameters. */
  readonly contentType: string;
  /** The headers asked for, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/**
 * How the platform talks to other OB 3.0 hosts (discovery, registration, token, credentials): the server
 * passes the guarded outbound fetcher, which refuses private addresses, limits size and time, and never
 * follows a redirect with a secret.
 */
export interface ObHostTransport {
  exchange(
    url: string,
    request: {
      readonly method: 'GET' | 'POST';
      readonly headers: Readonly<Record<string, string>>;
      readonly body?: string;
      readonly readHeaders?: readonly string[];
    },
  ): Promise<ObHostAnswer>;
}
