/**
 * An earner on a pathway: the version they are held to. `earner` is how credentials name a recipient:
 * the keyed lookup hash of an email address (hex), or a DID (which always starts with `did:`).
 */
export interface PathwayEnrollment {
  readonly pathwayId: string;
  readonly earner: string;
  readonly version: number;
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

export const PATHWAY_AWARD_STATES = ['active', 'revoked'] as const;
export type PathwayAwardState = (typeof PATHWAY_AWARD_STATES)[number];

/**
 * A stacked credential (completion or milestone) issued to an earner for a pathway. One per
 * `(pathwayId, achievementId, earner, generation)`: a revoked award is followed by the next generation
 * when the earner meets the rule again, never by a second award of the same generation.
 */
export interface PathwayAward {
  readonly id: string;
  readonly pathwayId: string;
  readonly achievementId: string;
  readonly earner: string;
  readonly generation: number;
  /** The pathway version whose rule was met. */
  readonly version: number;
  readonly credentialId: string;
  readonly state: PathwayAwardState;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export interface NewPathwayAward {
  readonly pathwayId: string;
  readonly achievementId: string;
  readonly earner: string;
  readonly generation: number;
  readonly version: number;
  readonly credentialId: string;
}

/** Earners' versions and awards on pathways. */
export interface PathwayEarnerRepository {
  findEnrollment(options: {
    readonly pathwayId: string;
    readonly earner: string;
  }): Promise<PathwayEnrollment | null>;
  /**
   * Inside a transaction: the earner's enrollment, locked until the transaction ends (created at `version`
   * if missing). Every award decision for one earner on one pathway takes this lock first, so decisions
   * are made one at a time on what the ones before them wrote.
   */
  lockEnrollment(options: {
    readonly pathwayId: string;
    readonly earner: string;
    readonly version: number;
  }): Promise<PathwayEnrollment>;
  setEnrollmentVersion(options: {
    readonly pathwayId: string;
    readonly earner: string;
    readonly version: number;
  }): Promise<void>;
  /** The pathways an earner has started. */
  listEnrollments(options: { readonly earner: string }): Promise<PathwayEnrollment[]>;
  /** Every award of the earner on the pathway, newest generation first. */
  listAwards(options: { readonly pathwayId: string; readonly earner: string }): Promise<PathwayAward[]>;
  /** Inserts once; an existing `(pathwayId, achievementId, earner, generation)` is returned with `created: false`. */
  insertAward(input: NewPathwayAward): Promise<{ readonly award: PathwayAward; readonly created: boolean }>;
  /** Marks an award revoked (its credential is revoked by the caller, in the same transaction). */
  revokeAward(options: { readonly id: string; readonly at: Date }): Promise<void>;
}
