/** An OpenID4VCI credential offer with a pre-authorized code (see the `wallet_offers` table). */
export interface WalletOffer {
  readonly id: string;
  readonly credentialId: string;
  readonly preAuthorizedCode: string;
  /** SHA-256 of the transaction code mailed to the earner; null when none is asked. */
  readonly txCodeHash: string | null;
  readonly txCodeFailures: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly redeemedAt: Date | null;
  readonly accessTokenHash: string | null;
  readonly accessExpiresAt: Date | null;
}

export type NewWalletOffer = Pick<
  WalletOffer,
  'id' | 'credentialId' | 'preAuthorizedCode' | 'txCodeHash' | 'createdAt' | 'expiresAt'
>;

/** A holder-bound copy of a credential, made for a wallet (see the `wallet_copies` table). */
export interface WalletCopy {
  /** The copy's own credential id. */
  readonly credentialId: string;
  readonly originalId: string;
  /** The wallet's DID the copy's `credentialSubject.id` names. */
  readonly holderDid: string;
  readonly createdAt: Date;
}

/** A VC-API exchange: the challenge a wallet must sign to receive one credential. */
export interface WalletExchange {
  readonly id: string;
  readonly credentialId: string;
  readonly challenge: string;
  readonly bindToHolder: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly completedAt: Date | null;
}

/**
 * Wallet delivery state. Everything single-use is taken by one conditional update, so two requests (or
 * two server processes) can never both take the same code, nonce or challenge.
 */
export interface WalletRepository {
  createOffer(offer: NewWalletOffer): Promise<void>;
  findOffer(options: { readonly id: string }): Promise<WalletOffer | null>;
  findOfferByCode(options: { readonly preAuthorizedCode: string }): Promise<WalletOffer | null>;
  /**
   * Redeems an unredeemed, unexpired code whose transaction code (if it has one) is `txCodeHash` and has
   * failed fewer than `maxTxCodeFailures` times, giving it the access token; null when any of that fails.
   */
  redeemOffer(options: {
    readonly preAuthorizedCode: string;
    readonly txCodeHash: string | null;
    readonly maxTxCodeFailures: number;
    readonly at: Date;
    readonly accessTokenHash: string;
    readonly accessExpiresAt: Date;
  }): Promise<WalletOffer | null>;
  /** Counts a wrong transaction code against the offer. */
  countTxCodeFailure(options: { readonly id: string }): Promise<void>;
  /** The redeemed offer whose access token this is, while the token lasts. */
  findOfferByAccessToken(options: {
    readonly accessTokenHash: string;
    readonly at: Date;
  }): Promise<WalletOffer | null>;
  createNonce(options: { readonly nonce: string; readonly expiresAt: Date }): Promise<void>;
  /** Takes a nonce: true once, for a nonce given and not yet expired at `at`. */
  useNonce(options: { readonly nonce: string; readonly at: Date }): Promise<boolean>;
  createExchange(exchange: Omit<WalletExchange, 'completedAt'>): Promise<void>;
  findExchange(options: { readonly id: string }): Promise<WalletExchange | null>;
  /** Completes an exchange with its challenge: true once, before it expires. */
  completeExchange(options: {
    readonly id: string;
    readonly challenge: string;
    readonly at: Date;
  }): Promise<boolean>;
  /**
   * Locks a credential's row until the transaction ends and reads its state: a copy made while the
   * original is being revoked waits for the revocation, then sees it (and a revocation waits for the copy,
   * then finds it among the copies it revokes).
   */
  lockCredential(options: {
    readonly id: string;
  }): Promise<{ readonly revokedAt: Date | null; readonly suspendedAt: Date | null } | null>;
  /**
   * Deletes offers, nonces and exchanges that can no longer be used at `now` (expired, and for offers their
   * access token too). Holder-bound copies are credentials: they stay. Returns how many rows went.
   */
  deleteExpired(options: { readonly now: Date }): Promise<number>;
  /** The holder-bound copy of `originalId` for `holderDid`, if one was made. */
  findCopy(options: { readonly originalId: string; readonly holderDid: string }): Promise<string | null>;
  recordCopy(options: {
    readonly credentialId: string;
    readonly originalId: string;
    readonly holderDid: string;
    readonly at: Date;
  }): Promise<void>;
  /** The credential that `credentialId` is a holder-bound copy of; null when it is not a copy. */
  findOriginal(options: { readonly credentialId: string }): Promise<string | null>;
  /** Every holder-bound copy of `originalId`, oldest first. */
  listCopies(options: { readonly originalId: string }): Promise<WalletCopy[]>;
}
