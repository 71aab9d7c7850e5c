/** Signed-in earners' sessions, each known by the hash of the secret in its cookie. */
export interface EarnerSessionRepository {
  create(input: {
    readonly tokenHash: string;
    readonly earnerId: string;
    readonly expiresAt: Date;
  }): Promise<void>;
  /** The earner of an unexpired session. */
  findEarnerId(options: { readonly tokenHash: string; readonly at: Date }): Promise<string | null>;
  delete(options: { readonly tokenHash: string }): Promise<void>;
}
