/** What a receiver answered to one delivery attempt. */
export interface WebhookAnswer {
  /** The HTTP status of the final answer; null when none came (refused address, timeout, network). */
  readonly status: number | null;
  /** The start of the answer's body, or why no answer came. */
  readonly excerpt: string;
}

/**
 * How webhook deliveries leave the platform: the server passes the guarded outbound fetcher (no private
 * addresses unless the operator allows them, redirects checked again, time and size limits).
 */
export interface WebhookSender {
  /** Throws a MicrocredError (FETCH_REFUSED) when the URL could never be delivered to. */
  check(url: string): Promise<void>;
  /** POSTs `body` with `headers`; never throws for a receiver's failure, it answers it. */
  send(request: {
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  }): Promise<WebhookAnswer>;
}
