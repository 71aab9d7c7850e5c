export interface EarnerEmail {
  readonly id: string;
  readonly earnerId: string;
  readonly email: string;
  /** The keyed hash credentials name their recipient by (see `recipientLookupHash`). */
  readonly lookupHash: string;
  readonly verifiedAt: Date | null;
  readonly createdAt: Date;
}

/** The email addresses of earner accounts; a verified one is how issued credentials reach a portfolio. */
export interface EarnerEmailRepository {
  /** Oldest first. */
  list(options: { readonly earnerId: string }): Promise<EarnerEmail[]>;
  /**
   * Adds an address to an account, or marks it verified if it is there already. Throws `CONFLICT` when
   * verifying an address another account has verified.
   */
  put(input: {
    readonly earnerId: string;
    readonly email: string;
    readonly lookupHash: string;
    readonly verifiedAt: Date | null;
  }): Promise<EarnerEmail>;
  /** The account that has verified this address, if any. */
  findVerified(options: { readonly lookupHash: string }): Promise<EarnerEmail | null>;
  /** False when there was no such address on this account. */
  remove(options: { readonly earnerId: string; readonly emailId: string }): Promise<boolean>;
}
