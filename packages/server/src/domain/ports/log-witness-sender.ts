/** What a witness answered to one add-checkpoint request; `status` null when no answer came. */
export interface LogWitnessAnswer {
  readonly status: number | null;
  readonly body: string;
}

/**
 * How add-checkpoint requests reach the log's witnesses: the server passes the guarded outbound fetcher
 * (no private addresses unless the operator allows them, time and size limits). Never throws for a
 * witness's failure: it answers it.
 */
export interface LogWitnessSender {
  send(request: { readonly url: string; readonly body: string }): Promise<LogWitnessAnswer>;
}
