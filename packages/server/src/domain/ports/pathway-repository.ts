import type { PathwayRules } from '../pathway/model/pathway-rules.js';
import type { Page } from './common.js';

/** A draft can be edited in place; a published pathway is edited by adding a version. */
export const PATHWAY_STATUSES = ['draft', 'published'] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

/** One immutable version of a pathway's rules (a draft's single version is the exception: it is edited). */
export interface PathwayVersion {
  readonly pathwayId: string;
  /** 1, 2, …; a published pathway's versions are never changed or removed. */
  readonly version: number;
  readonly rules: PathwayRules;
  /** Every achievement a leaf names, embedded sub-pathways included: what triggers re-evaluation. */
  readonly requiredAchievementIds: readonly string[];
  /** The achievements this version awards on inner groups. */
  readonly milestoneAchievementIds: readonly string[];
  readonly createdAt: Date;
  readonly publishedAt: Date | null;
}

/** A stackable pathway of one issuer. */
export interface Pathway {
  readonly id: string;
  readonly issuerId: string;
  readonly name: string;
  readonly description: string | null;
  readonly status: PathwayStatus;
  readonly currentVersion: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A pathway with its current version. */
export interface PathwayWithVersion {
  readonly pathway: Pathway;
  readonly version: PathwayVersion;
}

export interface NewPathwayVersion {
  readonly rules: PathwayRules;
  readonly requiredAchievementIds: readonly string[];
  readonly milestoneAchievementIds: readonly string[];
}

/** Pathway definitions and their versions. */
export interface PathwayRepository {
  /** Creates the pathway with version 1, published at once when `status` is `published`. Throws `NOT_FOUND` for an unknown issuer. */
  create(input: {
    readonly id?: string;
    readonly issuerId: string;
    readonly name: string;
    readonly description: string | null;
    readonly status: PathwayStatus;
    readonly version: NewPathwayVersion;
  }): Promise<PathwayWithVersion>;
  findById(options: { readonly id: string }): Promise<PathwayWithVersion | null>;
  findVersion(options: {
    readonly pathwayId: string;
    readonly version: number;
  }): Promise<PathwayVersion | null>;
  /** Newest first; `limit` is capped at 500. */
  list(
    options: Page & { readonly issuerId?: string; readonly status?: PathwayStatus },
  ): Promise<PathwayWithVersion[]>;
  /** Edits a draft and its one version in place. Throws `CONFLICT` once published, `NOT_FOUND`. */
  updateDraft(options: {
    readonly id: string;
    readonly name?: string;
    readonly description?: string | null;
    readonly version?: NewPathwayVersion;
  }): Promise<PathwayWithVersion>;
  /**
   * Adds version `expectedVersion + 1`, published at once, and makes it current. Throws `CONFLICT` when the
   * current version is no longer `expectedVersion` (a concurrent edit won) or the pathway is a draft.
   */
  addVersion(options: {
    readonly id: string;
    readonly expectedVersion: number;
    readonly name?: string;
    readonly description?: string | null;
    readonly version: NewPathwayVersion;
  }): Promise<PathwayWithVersion>;
  /** Publishes a draft (its current version). Publishing a published pathway returns it unchanged. */
  publish(options: { readonly id: string; readonly at: Date }): Promise<PathwayWithVersion>;
  /** Published pathways whose current version awards (completion or milestone) one of `achievementIds`. */
  findAwarding(options: { readonly achievementIds: readonly string[] }): Promise<PathwayWithVersion[]>;
  /** Changes name or description, in any status (rules change only through versions). */
  rename(options: {
    readonly id: string;
    readonly name?: string;
    readonly description?: string | null;
  }): Promise<PathwayWithVersion>;
  /** Published pathways any version of which requires one of `achievementIds`. */
  findReferencing(options: { readonly achievementIds: readonly string[] }): Promise<string[]>;
}
