import type { JsonObject } from './common.js';

/**
 * A signed OB 3.0 EndorsementCredential kept by the platform: an organisation's (`endorserId`, an issuer or
 * an employer's signing profile) statement about one achievement or one issuer.
 */
export interface Endorsement {
  readonly id: string;
  readonly endorserId: string;
  /** Exactly one of the two is set. */
  readonly achievementId: string | null;
  readonly endorsedIssuerId: string | null;
  readonly comment: string;
  /** The signed credential, as served and embedded. */
  readonly document: JsonObject;
  readonly statusListId: string;
  readonly statusIndex: number;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  /** Set once withdrawn (its revocation bit set): it no longer vouches for anything. */
  readonly withdrawnAt: Date | null;
  readonly withdrawnReason: string | null;
}

export type NewEndorsement = Omit<Endorsement, 'createdAt' | 'withdrawnAt' | 'withdrawnReason'>;

export interface EndorsementRepository {
  insert(input: NewEndorsement): Promise<Endorsement>;
  findById(options: { readonly id: string }): Promise<Endorsement | null>;
  /** Newest first; withdrawn ones only when asked. */
  list(options: {
    readonly achievementId?: string;
    /** Those of any of these achievements (none when empty). */
    readonly achievementIds?: readonly string[];
    /** Those of any achievement of this issuer. */
    readonly achievementIssuerId?: string;
    readonly endorsedIssuerId?: string;
    readonly endorserId?: string;
    readonly includeWithdrawn?: boolean;
  }): Promise<Endorsement[]>;
  /** Null when there is no such endorsement; an already withdrawn one is returned unchanged. */
  withdraw(options: {
    readonly id: string;
    readonly at: Date;
    readonly reason: string | null;
  }): Promise<Endorsement | null>;
}
